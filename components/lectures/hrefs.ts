import type { CatalogFilters } from '@/lib/lectures/queries';

/** The catalog's address for filters and a page; filters in a fixed order so equal views share one address. */
export function catalogHref(filters: CatalogFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.format) params.set('format', filters.format);
  if (filters.lecturerId) params.set('lecturer', String(filters.lecturerId));
  if (filters.year) params.set('year', String(filters.year));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/lectures?${query}` : '/lectures';
}

export const lecturersHref = (year?: number) => (year ? `/lecturers?year=${year}` : '/lecturers');
