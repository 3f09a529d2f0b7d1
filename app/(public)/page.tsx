import Link from 'next/link';
import { ArticleList } from '@/components/news/ArticleList';
import { Headlines } from '@/components/news/Headlines';
import styles from '@/components/news/news.module.css';
import { listHeadlines, listLatestByColumn, listVisibleColumns } from '@/lib/news/queries';

export default async function HomePage() {
  const [headlines, columns, latest] = await Promise.all([listHeadlines(), listVisibleColumns(), listLatestByColumn()]);
  return (
    <>
      <Headlines items={headlines} />
      <div className={styles.sections}>
        {columns.map((column) => (
          <section key={column.id} className={styles.section} aria-labelledby={`column-${column.slug}`}>
            <div className={styles.sectionHead}>
              <h2 id={`column-${column.slug}`}>{column.name}</h2>
              <Link href={`/columns/${column.slug}`} aria-label={`${column.name}：更多`}>
                更多
              </Link>
            </div>
            <ArticleList items={latest.filter((a) => a.columnId === column.id)} emptyText="本栏目暂无文章" />
          </section>
        ))}
      </div>
    </>
  );
}
