import { CatalogView } from '@/components/lectures/CatalogView';
import { catalogHref } from '@/components/lectures/hrefs';
import { catalogFilterOptions, listCatalog, type CatalogFilters } from '@/lib/lectures/queries';
import { notFoundPage, orErrorPage, publicPage } from '../respond';

/** The catalog for filters and a page: shared by the cached /lectures and its filtered twin. */
export function catalogPage(filters: CatalogFilters, page: number) {
  const href = catalogHref(filters, page);
  return orErrorPage(href, async () => {
    const [options, list] = await Promise.all([catalogFilterOptions(), listCatalog(filters, { page })]);
    if (page > list.pageCount) return notFoundPage();
    const filtered = href !== '/lectures';
    return publicPage(
      {
        title: page > 1 ? `党课菜单（第 ${page} 页）` : '党课菜单',
        description: '市级机关百名党课讲师、百节精品党课菜单，按主题、形式、讲师和年度名单查找，支持四季送课预约。',
        canonical: filtered ? href : '/lectures',
        // Filter combinations are many; crawlers get the plain catalog and the lecture pages.
        robots: filtered ? 'noindex, follow' : undefined,
        openGraph: { type: 'website', title: '党课菜单' },
      },
      <CatalogView filters={filters} options={options} list={list} />,
    );
  });
}
