import { ColumnView, columnPageHref } from '@/components/news/ColumnView';
import { findVisibleColumn, listColumnArticles } from '@/lib/news/queries';
import { site } from '@/lib/site';
import { notFoundPage, orErrorPage, publicPage } from '../../respond';

/** A column's page `page`: shared by /columns/[slug] and its `?page=N` twin (/columns/[slug]/page/[page]). */
export function columnPage(slug: string, page: number) {
  return orErrorPage(columnPageHref(slug, page), async () => {
    const column = await findVisibleColumn(slug);
    if (!column) return notFoundPage();
    const list = await listColumnArticles({ columnId: column.id, page });
    // Past the last page there is nothing to show: a 404 with a way back, never an empty 200.
    if (page > list.pageCount) return notFoundPage();
    const title = page > 1 ? `${column.name}（第 ${page} 页）` : column.name;
    return publicPage(
      {
        title,
        description: column.description ?? site.description,
        canonical: columnPageHref(slug, page),
        feed: `/columns/${slug}/feed.xml`,
        openGraph: { type: 'website', title },
      },
      <ColumnView column={column} list={list} />,
    );
  });
}
