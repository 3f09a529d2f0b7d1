import { isRecordDay, periodRange } from './dates';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, type ActivityKind, type ActivityStatus } from './types';

// Filters of the record book, read from the query string by the list page and both exports
// alike. Lenient: a value that does not parse is dropped, so a hand-edited URL never errors.

export type RecordFilters = {
  /** A node: its records and those of every node below it. */
  node?: number;
  kind?: ActivityKind;
  status?: ActivityStatus;
  /** Inclusive held_on days. */
  from?: string;
  to?: string;
  /** A year of held_on, narrowed by a quarter or a month. */
  year?: number;
  quarter?: number;
  month?: number;
  /** Only records entered late (补录). */
  late?: boolean;
};

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function first(input: QueryInput, key: string): string {
  if (input instanceof URLSearchParams) return (input.get(key) ?? '').trim();
  const value = input[key];
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
}

const intIn = (raw: string, min: number, max: number) => (/^\d{1,9}$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined);

/** The node travels as `branch` in URLs, as every drill-down to the record book writes it. */
const PARAM: Partial<Record<keyof RecordFilters, string>> = { node: 'branch' };

export function parseRecordFilters(input: QueryInput): RecordFilters {
  const filters: RecordFilters = {};
  const node = intIn(first(input, 'branch'), 1, 2_147_483_647);
  if (node) filters.node = node;
  const kind = first(input, 'kind');
  if ((ACTIVITY_KINDS as readonly string[]).includes(kind)) filters.kind = kind as ActivityKind;
  const status = first(input, 'status');
  if ((ACTIVITY_STATUSES as readonly string[]).includes(status)) filters.status = status as ActivityStatus;
  for (const key of ['from', 'to'] as const) {
    const day = first(input, key);
    if (isRecordDay(day)) filters[key] = day;
  }
  const year = intIn(first(input, 'year'), 1949, 2100);
  if (year) {
    filters.year = year;
    const month = intIn(first(input, 'month'), 1, 12);
    const quarter = intIn(first(input, 'quarter'), 1, 4);
    if (month) filters.month = month;
    else if (quarter) filters.quarter = quarter;
  }
  if (first(input, 'late') === '1') filters.late = true;
  return filters;
}

/** The held_on range the filters allow (from/to and year/quarter/month together), or nulls. */
export function heldOnRange(filters: RecordFilters): { from: string | null; to: string | null } {
  let from = filters.from ?? null;
  let to = filters.to ?? null;
  if (filters.year) {
    const period = periodRange(filters.year, { quarter: filters.quarter, month: filters.month });
    if (!from || period.from > from) from = period.from;
    if (!to || period.to < to) to = period.to;
  }
  return { from, to };
}

const ORDER: (keyof RecordFilters)[] = ['node', 'kind', 'status', 'from', 'to', 'year', 'quarter', 'month', 'late'];

/** The query string (with `?`, or '' when empty) that carries `filters` and a page's cursor. */
export function recordQueryString(filters: RecordFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value === undefined || value === false) continue;
    params.set(PARAM[key] ?? key, value === true ? '1' : String(value));
  }
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const hasFilters = (filters: RecordFilters) => recordQueryString(filters) !== '';
