import { isLectureFormat, isLectureTheme } from './labels';
import type { CatalogFilters } from './queries';

/** The catalog's filters from a query string; an unknown value is ignored rather than refused. */
export function parseCatalogFilters(params: URLSearchParams): CatalogFilters {
  const theme = params.get('theme');
  const format = params.get('format');
  const lecturer = params.get('lecturer') ?? '';
  const year = params.get('year') ?? '';
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return {
    q: q || undefined,
    theme: isLectureTheme(theme) ? theme : undefined,
    format: isLectureFormat(format) ? format : undefined,
    lecturerId: /^\d{1,9}$/.test(lecturer) && Number(lecturer) > 0 ? Number(lecturer) : undefined,
    year: /^\d{4}$/.test(year) ? Number(year) : undefined,
  };
}
