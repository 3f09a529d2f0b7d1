import Link from 'next/link';
import { DateOnly } from './DateOnly';
import type { Page } from '@/lib/pagination/offset';
import type { ArticleListItem, ColumnSummary } from '@/lib/news/queries';
import { Breadcrumb } from './Breadcrumb';
import styles from './column.module.css';
import { Pagination } from './Pagination';

export function columnPageHref(slug: string, page: number) {
  return page <= 1 ? `/columns/${slug}` : `/columns/${slug}?page=${page}`;
}

export function ColumnView({ column, list }: { column: ColumnSummary; list: Page<ArticleListItem> }) {
  return (
    <>
      <Breadcrumb items={[{ label: column.name }]} />
      <header className={styles.header}>
        <h1>{column.name}</h1>
        {column.description && <p>{column.description}</p>}
        <p className={styles.count}>
          共 {list.total} 篇{list.pageCount > 1 && `，第 ${list.page} / ${list.pageCount} 页`}
          <a href={`/columns/${column.slug}/feed.xml`} className={styles.feed}>
            RSS 订阅
          </a>
        </p>
      </header>
      {list.items.length === 0 ? (
        <p className={styles.empty}>本栏目暂无文章。</p>
      ) : (
        <ul className={styles.list}>
          {list.items.map((item) => (
            <li key={item.id}>
              <h2>
                <Link href={`/articles/${item.slug}`}>{item.title}</Link>
              </h2>
              {item.summary && <p>{item.summary}</p>}
              <DateOnly value={item.publishedAt} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => columnPageHref(column.slug, p)} />
    </>
  );
}
