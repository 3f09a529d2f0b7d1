// Cursors of keyset pages: opaque, URL-safe strings naming a position in a (sort key, id)
// order and the side of it to read. Anything that does not decode to exactly such a position
// reads as the first page: a hand-edited or truncated URL never errors.

/** A row's place in the order: its sort key as the cursor keeps it, and its id. */
export type Position<V> = { sort: V; id: number };

export type Cursor<V> =
  | { kind: 'first' }
  | { kind: 'last' }
  /** The rows after `position` in the list's order (the next page), or before it (the previous). */
  | { kind: 'after' | 'before'; position: Position<V> };

/** The cursor of the last page. */
export const LAST_CURSOR = 'last';

/** Longer input is refused before decoding; real cursors are well under 100 characters. */
const MAX_LENGTH = 200;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const tags = { after: 'a', before: 'b' } as const;

export function encodeCursor<V extends string | number>(kind: 'after' | 'before', { sort, id }: Position<V>): string {
  return Buffer.from(JSON.stringify([tags[kind], sort, id]), 'utf8').toString('base64url');
}

/**
 * Reads `?cursor=`. `parseSort` validates the sort key (see the keys in ./keyset); a cursor
 * whose key it refuses, like any malformed cursor, means the first page.
 */
export function decodeCursor<V extends string | number>(raw: string | string[] | undefined, parseSort: (value: unknown) => V | null): Cursor<V> {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === LAST_CURSOR) return { kind: 'last' };
  if (!value || value.length > MAX_LENGTH || !BASE64URL.test(value)) return { kind: 'first' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return { kind: 'first' };
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return { kind: 'first' };
  const [tag, rawSort, id] = decoded as unknown[];
  const kind = tag === tags.after ? 'after' : tag === tags.before ? 'before' : null;
  const sort = parseSort(rawSort);
  if (!kind || sort === null || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return { kind: 'first' };
  // Only the exact encoding is accepted, so one position has one URL.
  if (encodeCursor(kind, { sort, id }) !== value) return { kind: 'first' };
  return { kind, position: { sort, id } };
}
