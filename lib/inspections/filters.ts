import { isCalendarDay } from '@/lib/calendar/days';
import { parseId } from '@/lib/ids';
import { findingMeasures, type FindingMeasure, type InspectionFilters } from './types';

// The inspection pages' query string: node, unit, period (from–to, default the current year)
// and, on the findings list, the figure drilled into. Anything unreadable falls back to the default.

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const one = (params: Params, key: string): string | undefined => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
};

export function parseInspectionFilters(params: Params, today: string): InspectionFilters {
  const year = today.slice(0, 4);
  const day = (key: string, fallback: string) => {
    const v = one(params, key)?.trim();
    return v && isCalendarDay(v) ? v : fallback;
  };
  let from = day('from', `${year}-01-01`);
  let to = day('to', `${year}-12-31`);
  if (from > to) [from, to] = [to, from];
  const node = parseId(one(params, 'node')) ?? undefined;
  const unit = one(params, 'unit')?.trim().slice(0, 100) || undefined;
  const m = one(params, 'measure');
  const measure = findingMeasures.includes(m as FindingMeasure) ? (m as FindingMeasure) : undefined;
  return { node, unit, from, to, measure };
}

/** `?from=…&to=…` plus what is set; `extra` overrides (a cursor, a measure, a unit). */
export function inspectionQueryString(filters: InspectionFilters, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    node: filters.node ? String(filters.node) : undefined,
    unit: filters.unit,
    from: filters.from,
    to: filters.to,
    measure: filters.measure,
    ...extra,
  };
  for (const [k, v] of Object.entries(all)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
