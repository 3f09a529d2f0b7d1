// Offset paging for every list that shows page numbers and a total. Pure: no database import,
// so the proxy can parse `?page=` too. Keyset paging for append-only tables is in ./keyset.

/** Reads `?page=` leniently: anything that is not a positive integer means page 1. */
export function parsePage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number.parseInt(value, 10));
}

export type Page<T> = { items: T[]; total: number; page: number; pageCount: number; pageSize: number };

export function pageCountOf(total: number, pageSize: number) {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The rows to skip before `page` (1-based). */
export const offsetOf = (page: number, pageSize: number) => (Math.max(1, page) - 1) * pageSize;

/**
 * One page of a list: runs the page query and the count side by side and returns the `Page`
 * shape. `rows` gets the limit and offset to apply; `count` counts the same filtered rows.
 */
export async function paginate<T>({
  page,
  pageSize,
  rows,
  count,
}: {
  page: number;
  pageSize: number;
  rows: (window: { limit: number; offset: number }) => PromiseLike<T[]>;
  count: () => PromiseLike<number>;
}): Promise<Page<T>> {
  const [items, total] = await Promise.all([rows({ limit: pageSize, offset: offsetOf(page, pageSize) }), count()]);
  return { items, total, page, pageSize, pageCount: pageCountOf(total, pageSize) };
}

/** The `n` of a `select({ n: count() })`, or 0 when no row came back. */
export const countOf = (rows: { n: number }[]) => rows[0]?.n ?? 0;

/** A count read with `limit cap + 1`: the total up to `cap`, and whether there were more. */
export type CappedCount = { total: number; capped: boolean };

export const cappedCountOf = (counted: number, cap: number): CappedCount => ({ total: Math.min(counted, cap), capped: counted > cap });

/** "1000 条以上" when capped, "37 条" otherwise. */
export const cappedCountLabel = ({ total, capped }: CappedCount) => `${total}${capped ? ' 条以上' : ' 条'}`;
