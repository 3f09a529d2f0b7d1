import { parseSearchQuery } from './tokenize';

/**
 * A small in-process cache with a time to live and a size bound: the least recently used entry
 * goes first. `clear()` starts a new generation, so a result computed before a clear (a search
 * that was running while an article was published) is not stored after it.
 */
export class ResultCache<V> {
  #entries = new Map<string, { value: V; expires: number }>();
  #generation = 0;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor({ ttlMs, maxEntries, now = Date.now }: { ttlMs: number; maxEntries: number; now?: () => number }) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get generation() {
    return this.#generation;
  }

  get size() {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expires <= this.#now()) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.#entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    const entry = this.#entries.get(key);
    return entry !== undefined && entry.expires > this.#now();
  }

  /** Stores a value computed in `generation` (read before computing it), unless cleared since. */
  set(key: string, value: V, generation = this.#generation) {
    if (this.#ttlMs <= 0 || generation !== this.#generation) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.#now() + this.#ttlMs });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  clear() {
    this.#entries.clear();
    this.#generation++;
  }
}

/**
 * The cache key of a search: what the query means after the tokenizer's normalization (width,
 * case, spacing, punctuation), the column filter and the page. Two spellings of one search share
 * an entry; `null` when the query holds nothing to search for.
 */
export function searchCacheKey({ query, columnSlug, page }: { query: string; columnSlug?: string; page: number }): string | null {
  const parsed = parseSearchQuery(query);
  if (parsed.kind === 'empty') return null;
  const lower = (list: string[]) => list.map((t) => t.toLowerCase());
  return JSON.stringify([parsed.tsquery, lower(parsed.substrings), lower(parsed.terms), columnSlug ?? null, page]);
}
