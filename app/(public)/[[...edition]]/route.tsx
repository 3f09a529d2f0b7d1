import { LectureTeaser } from '@/components/lectures/LectureTeaser';
import { ArticleList } from '@/components/news/ArticleList';
import { Headlines } from '@/components/news/Headlines';
import { listShowcaseLectures } from '@/lib/lectures/queries';
import { listHeadlines, listLatestByColumn, listVisibleColumns } from '@/lib/news/queries';
import { site } from '@/lib/site';
import { notFoundPage, orErrorPage, publicPage } from '../respond';

// The home page. An optional catch-all with no static params is rendered on its first request
// and then cached (ISR), never at build time, when no database exists; and `/` needs no
// rewrite, which measured 5–20 % of its throughput. Any other path that no route claims ends
// here as the Chinese 404 page.
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ edition?: string[] }> }) {
  const { edition } = await params;
  if (edition !== undefined) return orErrorPage(`/${edition.map(encodeURIComponent).join('/')}`, notFoundPage);
  return orErrorPage('/', async () => {
    const [headlines, columns, latest, lectures] = await Promise.all([listHeadlines(), listVisibleColumns(), listLatestByColumn(), listShowcaseLectures()]);
    return publicPage(
      {
        title: site.name,
        absoluteTitle: true,
        canonical: '/',
        openGraph: { type: 'website', title: site.name, description: site.description },
      },
      <>
        <h1 className="visually-hidden">{site.name}首页</h1>
        <Headlines items={headlines} />
        <div className="home-sections">
          {columns.map((column) => (
            <section key={column.id} className="home-section" aria-labelledby={`column-${column.slug}`}>
              <div className="home-section-head">
                <h2 id={`column-${column.slug}`}>{column.name}</h2>
                <a href={`/columns/${column.slug}`} aria-label={`${column.name}：更多`}>
                  更多
                </a>
              </div>
              <ArticleList items={latest.filter((a) => a.columnId === column.id)} emptyText="本栏目暂无文章" />
            </section>
          ))}
        </div>
        <LectureTeaser {...lectures} />
      </>,
      { columns },
    );
  });
}
