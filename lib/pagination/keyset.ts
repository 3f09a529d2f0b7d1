import { type AnyColumn, asc, desc, type SQL, sql } from 'drizzle-orm';
import { type Cursor, decodeCursor, encodeCursor, type Position } from './cursor';

// Keyset paging for lists that only grow (the audit trail): each page is read from an index
// position, so page 10 000 costs what page 1 does and rows added meanwhile never shift a page.
// The order is (sort key, id), both in one direction; the id breaks ties in the sort key.
// A cursor keeps the (sort key, id) of the row at a page's edge: next = after the page's last
// row, previous = before its first. There are no page numbers; first and last are always at hand.

export { LAST_CURSOR } from './cursor';

/** How a sort key is ordered, read exactly for a cursor, validated and compared again. */
export type SortKey<V extends string | number> = {
  /** The expression the list is ordered by. It must not be null. */
  expression: AnyColumn | SQL;
  /** The row's value as the cursor keeps it, selected beside the row; exact, so no row is skipped. */
  cursorValue: SQL<V>;
  /** A value from a decoded cursor, or null when it is not one this key can hold. */
  parse: (value: unknown) => V | null;
  /** The cursor's value as an operand to compare the expression with. */
  operand: (value: V) => SQL;
};

const UTC_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** `2026-01-02T03:04:05.123456Z` naming a real instant (no 31 February, no hour 24). */
function isUtcMicros(value: string): boolean {
  if (!UTC_MICROS.test(value)) return false;
  const millis = value.slice(0, 23) + 'Z';
  const date = new Date(millis);
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString() === millis;
}

/**
 * A `timestamp with time zone` column. The cursor keeps it as UTC text with microseconds:
 * a JavaScript Date has milliseconds only, and rounding would skip or repeat rows.
 */
export function timestampKey(column: AnyColumn): SortKey<string> {
  return {
    expression: column,
    cursorValue: sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    parse: (value) => (typeof value === 'string' && isUtcMicros(value) ? value : null),
    operand: (value) => sql`${value}::timestamptz`,
  };
}

/**
 * A nullable `timestamp with time zone` column ordered as if null were the earliest instant
 * (`desc nulls last` in a descending list). The expression is `coalesce(column, '-infinity')`,
 * so an index on that expression serves the order and the cursor comparison alike.
 */
export function nullableTimestampKey(column: AnyColumn): SortKey<string> {
  return {
    expression: sql`coalesce(${column}, '-infinity'::timestamptz)`,
    cursorValue: sql<string>`case when ${column} is null then '-infinity' else to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end`,
    parse: (value) => (value === '-infinity' || (typeof value === 'string' && isUtcMicros(value)) ? value : null),
    operand: (value) => sql`${value}::timestamptz`,
  };
}

/** An integer column (a sequence, a counter). */
export function integerKey(column: AnyColumn): SortKey<number> {
  return {
    expression: column,
    cursorValue: sql<number>`${column}`.mapWith(Number),
    parse: (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null),
    operand: (value) => sql`${value}`,
  };
}

export type Keyset<V extends string | number> = {
  sort: SortKey<V>;
  /** A unique, not-null integer column: the tie-breaker. */
  id: AnyColumn;
  direction: 'asc' | 'desc';
};

/** E.g. `keyset({ sort: timestampKey(articles.updatedAt), id: articles.id, direction: 'desc' })`. */
export const keyset = <V extends string | number>(spec: Keyset<V>): Keyset<V> => spec;

/** What a keyset query must select beside its own fields; `keysetPage` strips them again. */
export type CursorFields = { cursorSort: unknown; cursorId: unknown };

export const cursorFields = <V extends string | number>({ sort, id }: Keyset<V>) => ({
  cursorSort: sort.cursorValue,
  cursorId: sql<number>`${id}`.mapWith(Number),
});

export type KeysetPage<T> = {
  items: T[];
  pageSize: number;
  /** Whether this is the first (newest, for a descending list) page: no previous or first link. */
  isFirst: boolean;
  /** Whether this is the last page: no next or last link. */
  isLast: boolean;
  /** The cursor of the next page, or null on the last page. */
  next: string | null;
  /** The cursor of the previous page, or null on the first page (whose link carries no cursor). */
  prev: string | null;
};

/** One read of the list: the caller adds its own filter to `where` and selects `cursorFields`. */
export type KeysetQuery = { where: SQL | undefined; orderBy: SQL[]; limit: number };

/**
 * One page of a keyset-ordered list at `cursor` (the raw `?cursor=` value). `rows` runs the
 * query; it is called once, or twice when the cursor leads nowhere and the first page is read.
 */
export async function keysetPage<V extends string | number, R extends CursorFields>({
  keyset: spec,
  cursor: raw,
  pageSize,
  rows,
}: {
  keyset: Keyset<V>;
  cursor: string | string[] | undefined;
  pageSize: number;
  rows: (query: KeysetQuery) => PromiseLike<R[]>;
}): Promise<KeysetPage<Omit<R, keyof CursorFields>>> {
  const cursor = decodeCursor(raw, spec.sort.parse);
  const read = async (c: Cursor<V>) => {
    const backward = c.kind === 'before' || c.kind === 'last';
    const found = await rows({
      where: c.kind === 'after' || c.kind === 'before' ? beyond(spec, c.position, c.kind) : undefined,
      orderBy: orderOf(spec, backward),
      limit: pageSize + 1,
    });
    const more = found.length > pageSize;
    const page = found.slice(0, pageSize);
    if (backward) page.reverse();
    return { page, more };
  };

  let { page, more } = await read(cursor);
  let kind = cursor.kind;
  // Nothing after a cursor, or a previous page that would not be full: serve the first page,
  // so the first page always starts at the top of the list.
  if ((kind === 'after' && page.length === 0) || (kind === 'before' && !more)) {
    ({ page, more } = await read({ kind: 'first' }));
    kind = 'first';
  }
  const isFirst = kind === 'first' || (kind === 'last' && !more);
  // Reading backward, more rows lie before the page; reading forward, after it.
  const isLast = kind === 'last' ? true : kind === 'before' ? false : !more;
  const edge = (row: R | undefined): Position<V> | null => {
    if (!row) return null;
    const sort = spec.sort.parse(row.cursorSort);
    const id = Number(row.cursorId);
    return sort === null || !Number.isSafeInteger(id) ? null : { sort, id };
  };
  const first = edge(page[0]);
  const last = edge(page.at(-1));
  return {
    items: page.map(({ cursorSort: _s, cursorId: _i, ...item }) => item),
    pageSize,
    isFirst,
    isLast,
    next: !isLast && last ? encodeCursor('after', last) : null,
    prev: !isFirst && first ? encodeCursor('before', first) : null,
  };
}

/** The order of the list, or its reverse for reading backward from a cursor or the end. */
function orderOf<V extends string | number>({ sort, id, direction }: Keyset<V>, reverse: boolean): SQL[] {
  const by = (direction === 'desc') !== reverse ? desc : asc;
  return [by(sort.expression), by(id)];
}

/** The rows strictly after (or before) `position` in the list's order, as one row comparison the index serves. */
function beyond<V extends string | number>({ sort, id, direction }: Keyset<V>, position: Position<V>, side: 'after' | 'before'): SQL {
  const op = (direction === 'desc') === (side === 'after') ? sql.raw('<') : sql.raw('>');
  return sql`(${sort.expression}, ${id}) ${op} (${sort.operand(position.sort)}, ${position.id})`;
}
