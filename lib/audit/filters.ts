import { z } from 'zod';

// Filters of the audit trail, read from the query string by the list page and the CSV export
// alike. Lenient: a value that does not parse is dropped, so a hand-edited URL never errors.

export type AuditFilters = {
  /** Substring of the actor's name, case-insensitive. */
  actor?: string;
  entityType?: string;
  entityId?: string;
  /** Prefix of the action: `user.` matches `user.create` and `user.update`. */
  action?: string;
  /** Inclusive Beijing days, YYYY-MM-DD. */
  from?: string;
  to?: string;
};

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

const text = z.string().trim().min(1).max(100);

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay, 'not a calendar day');

function isCalendarDay(value: string): boolean {
  const [year, month, date] = value.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date));
  return year >= 1970 && utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

const fields = { actor: text, entityType: text, entityId: text, action: text, from: day, to: day } as const;

function first(input: QueryInput, key: string): string | undefined {
  if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
  const value = input[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseAuditFilters(input: QueryInput): AuditFilters {
  const filters: AuditFilters = {};
  for (const [key, schema] of Object.entries(fields) as [keyof AuditFilters, z.ZodType<string>][]) {
    const parsed = schema.safeParse(first(input, key));
    if (parsed.success) filters[key] = parsed.data;
  }
  return filters;
}

/**
 * The raw `?cursor=` of the list page; the keyset pager validates it (lib/pagination/cursor).
 * An old `?page=N` address carries none and opens the first page.
 */
export function auditCursor(input: QueryInput): string | undefined {
  return first(input, 'cursor') || undefined;
}

/** The query string (with `?`, or '' when empty) that carries `filters` and a page's cursor. */
export function auditQueryString(filters: AuditFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(fields) as (keyof AuditFilters)[]) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}

// China has kept UTC+8 all year since 1991, so a Beijing day is a fixed UTC interval.
export function beijingDayStart(value: string): Date {
  return new Date(`${value}T00:00:00+08:00`);
}

/** The first instant after the Beijing day `value`, for an exclusive upper bound. */
export function beijingDayEnd(value: string): Date {
  return new Date(beijingDayStart(value).getTime() + 86_400_000);
}
