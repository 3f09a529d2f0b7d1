import { DateOnly } from './DateOnly';
import type { Page } from '@/lib/pagination/offset';
import type { ArticleListItem, ColumnSummary } from '@/lib/news/queries';
import { Breadcrumb } from './Breadcrumb';
import { Pagination } from './Pagination';

export function columnPageHref(slug: string, page: number) {
  return page <= 1 ? `/columns/${slug}` : `/columns/${slug}?page=${page}`;
}

export function ColumnView({ column, list }: { column: ColumnSummary; list: Page<ArticleListItem> }) {
  return (
    <>
      <Breadcrumb items={[{ label: column.name }]} />
      <header className="column-header">
        <h1>{column.name}</h1>
        {column.description && <p>{column.description}</p>}
        <p className="column-count">
          共 {list.total} 篇{list.pageCount > 1 && `，第 ${list.page} / ${list.pageCount} 页`}
          <a href={`/columns/${column.slug}/feed.xml`} className="column-feed">
            RSS 订阅
          </a>
        </p>
      </header>
      {list.items.length === 0 ? (
        <p className="column-empty">本栏目暂无文章。</p>
      ) : (
        <ul className="column-list">
          {list.items.map((item) => (
            <li key={item.id}>
              <h2>
                <a href={`/articles/${item.slug}`}>{item.title}</a>
              </h2>
              {item.summary && <p>{item.summary}</p>}
              <DateOnly value={item.publishedAt} />
            </li>
          ))}
        </ul>
      )}
      <Pagination plain page={list.page} pageCount={list.pageCount} href={(p) => columnPageHref(column.slug, p)} />
    </>
  );
}
