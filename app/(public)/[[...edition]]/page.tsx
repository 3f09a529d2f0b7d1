import { notFound } from 'next/navigation';
import Link from 'next/link';
import { LectureTeaser } from '@/components/lectures/LectureTeaser';
import { ArticleList } from '@/components/news/ArticleList';
import { Headlines } from '@/components/news/Headlines';
import styles from '@/components/news/news.module.css';
import { listShowcaseLectures } from '@/lib/lectures/queries';
import { listHeadlines, listLatestByColumn, listVisibleColumns } from '@/lib/news/queries';
import { site } from '@/lib/site';

// The home page. An optional catch-all with no static params is rendered on its first request
// and then cached (ISR), never at build time, when no database exists; and `/` needs no
// rewrite, which measured 5–20 % of its throughput. Any other path that no route claims ends here as a 404.
export const revalidate = 60;
export const generateStaticParams = () => [];

export const metadata = {
  title: { absolute: site.name },
  alternates: { canonical: '/' },
  openGraph: { type: 'website', title: site.name, description: site.description, siteName: site.name, locale: 'zh_CN', url: '/' },
};

export default async function HomePage({ params }: { params: Promise<{ edition?: string[] }> }) {
  if ((await params).edition !== undefined) notFound();
  const [headlines, columns, latest, lectures] = await Promise.all([
    listHeadlines(),
    listVisibleColumns(),
    listLatestByColumn(),
    listShowcaseLectures(),
  ]);
  return (
    <>
      <h1 className="visually-hidden">{site.name}首页</h1>
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
      <LectureTeaser lectures={lectures} />
    </>
  );
}
