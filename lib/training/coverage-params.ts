import { parsePage } from '@/lib/pagination/offset';
import { type CoverageShow, coverageShows } from './coverage';

// The coverage page's query string, read leniently: anything malformed is the default. Pure.

type Raw = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `page` pages the people behind a figure (`show`); `unitPage` the table of units. */
export type CoverageParams = { year: number; unitId: number | null; show: CoverageShow | null; secretaries: boolean; page: number; unitPage: number };

export function parseCoverageParams(raw: Raw, today: string): CoverageParams {
  const thisYear = Number(today.slice(0, 4));
  const y = first(raw.year);
  const year = y && /^\d{4}$/.test(y) && Number(y) >= 2000 && Number(y) <= thisYear + 1 ? Number(y) : thisYear;
  const u = first(raw.unit);
  const unitId = u && /^\d{1,9}$/.test(u) && Number(u) > 0 ? Number(u) : null;
  const s = first(raw.show);
  const show = (coverageShows as readonly string[]).includes(s ?? '') ? (s as CoverageShow) : null;
  return { year, unitId, show, secretaries: first(raw.role) === 'secretary', page: parsePage(raw.page), unitPage: parsePage(raw.upage) };
}

/** The page's address with some parameters changed (null drops one). */
export function coverageHref(base: Pick<CoverageParams, 'year' | 'unitId'> & Partial<CoverageParams>, change: Partial<CoverageParams> = {}): string {
  const p = { ...base, ...change };
  const q = new URLSearchParams({ year: String(p.year) });
  if (p.unitId) q.set('unit', String(p.unitId));
  if (p.show) q.set('show', p.show);
  if (p.show && p.secretaries) q.set('role', 'secretary');
  if (p.show && p.page && p.page > 1) q.set('page', String(p.page));
  if (p.unitPage && p.unitPage > 1) q.set('upage', String(p.unitPage));
  return `/admin/training/coverage?${q.toString()}${p.show ? '#people' : p.unitPage ? '#units' : ''}`;
}
