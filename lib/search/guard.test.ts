import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env } from '@/lib/env';
import type { SearchResults } from '@/lib/news/search';
import { admitSearch, dropSearchCache, endLease, guardedSearch, holdsLease, SearchBusyError, searchGuard } from './guard';

// With the defaults of lib/env.ts: a 2 s queue, 30 searches a minute.

const results = (label: string): SearchResults => ({ items: [], total: 0, totalCapped: false, page: 1, pageCount: 1, pageSize: 20, terms: [label] });
const request = (query: string, client: string | null = '192.0.2.1') => ({ query, page: 1, client });
const MAX = env.SEARCH_MAX_CONCURRENT;
/** Takes every slot, each with its own search. */
const fillSlots = () => Promise.all(Array.from({ length: MAX }, (_, i) => admitSearch(request(`党课 ${i}`))));

beforeEach(() => {
  vi.useFakeTimers();
  (globalThis as { __portalSearchGuard?: unknown }).__portalSearchGuard = undefined;
});
afterEach(() => vi.useRealTimers());

describe('admitSearch', () => {
  it('leases up to SEARCH_MAX_CONCURRENT slots, queues the next and answers busy after two seconds', async () => {
    const leases = await fillSlots();
    expect(leases.map((a) => a.kind)).toEqual(Array(MAX).fill('lease'));
    const next = admitSearch(request('戊戊'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(searchGuard().limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await next).toEqual({ kind: 'busy', retryAfterSeconds: 5 });
  });

  it('hands a freed slot to the waiting search', async () => {
    const leases = await fillSlots();
    const next = admitSearch(request('戊戊'));
    await vi.advanceTimersByTimeAsync(500);
    const first = (leases[0] as { lease: string }).lease;
    endLease(first);
    endLease(first); // ending twice frees one slot only
    expect((await next).kind).toBe('lease');
    expect(holdsLease(first)).toBe(false);
    expect(searchGuard().limiter.active).toBe(MAX);
  });

  it('frees a slot whose page never gave it back', async () => {
    await fillSlots();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(searchGuard().limiter.active).toBe(0);
  });

  it('gives the slot back when the client disconnects, and stops its wait', async () => {
    const gone = new AbortController();
    const admission = await admitSearch({ ...request('营商环境'), signal: gone.signal });
    expect(admission.kind).toBe('lease');
    gone.abort();
    expect(searchGuard().limiter.active).toBe(0);
    expect(holdsLease((admission as { lease: string }).lease)).toBe(false);
    await fillSlots();
    const waiting = new AbortController();
    const next = admitSearch({ ...request('戊戊'), signal: waiting.signal });
    waiting.abort();
    expect((await next).kind).toBe('busy');
    expect(searchGuard().limiter.waiting).toBe(0);
  });

  it('counts cached searches too: their pages cost as much to render', async () => {
    await guardedSearch({ query: '营商环境', page: 1 }, async () => results('a'));
    expect((await admitSearch(request(' 营商环境 '))).kind).toBe('lease');
    expect(searchGuard().limiter.active).toBe(1);
  });

  it('refuses a client beyond 30 searches a minute, cached or not, and counts unknown clients together', async () => {
    await guardedSearch({ query: '营商环境', page: 1 }, async () => results('a'));
    const admitted = async (client: string | null) => {
      const admission = await admitSearch(request('营商环境', client));
      if (admission.kind === 'lease') endLease(admission.lease);
      return admission.kind;
    };
    for (let i = 0; i < 30; i++) expect(await admitted('192.0.2.1')).toBe('lease');
    expect(await admitSearch(request('营商环境'))).toEqual({ kind: 'limited', retryAfterSeconds: 60 });
    expect(await admitted('192.0.2.2')).toBe('lease');
    for (let i = 0; i < 30; i++) await admitted(null);
    expect(await admitted(null)).toBe('limited');
  });

  it('neither counts nor queues a query with nothing to search for', async () => {
    for (let i = 0; i < 40; i++) expect(await admitSearch(request(' ！'))).toEqual({ kind: 'pass' });
  });
});

describe('guardedSearch', () => {
  it('runs a search once while cached, and again after the cache is dropped', async () => {
    const search = vi.fn(async () => results('a'));
    await guardedSearch({ query: '营商环境', page: 1 }, search);
    await guardedSearch({ query: '营商环境！', page: 1 }, search);
    expect(search).toHaveBeenCalledTimes(1);
    dropSearchCache();
    await guardedSearch({ query: '营商环境', page: 1 }, search);
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('does not cache a result that was being computed when the cache was dropped', async () => {
    let finish!: (r: SearchResults) => void;
    const running = guardedSearch({ query: '营商环境', page: 1 }, () => new Promise((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(0);
    dropSearchCache();
    finish(results('old'));
    await running;
    const search = vi.fn(async () => results('new'));
    expect((await guardedSearch({ query: '营商环境', page: 1 }, search)).terms).toEqual(['new']);
  });

  it('shares one running search between identical requests', async () => {
    let finish!: (r: SearchResults) => void;
    const search = vi.fn(() => new Promise<SearchResults>((resolve) => (finish = resolve)));
    const first = guardedSearch({ query: '营商环境', page: 1 }, search);
    await vi.advanceTimersByTimeAsync(0);
    const second = guardedSearch({ query: '营商环境', page: 1 }, search);
    finish(results('a'));
    expect(await second).toBe(await first);
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('searches in the leased slot without taking another, and frees its own slot when it has none', async () => {
    const leases = await fillSlots();
    const lease = (leases[0] as { lease: string }).lease;
    await guardedSearch({ query: '营商环境', page: 1, lease }, async () => results('a'));
    expect(searchGuard().limiter.active).toBe(MAX);
    endLease(lease);
    await guardedSearch({ query: '党课', page: 1 }, async () => results('b'));
    expect(searchGuard().limiter.active).toBe(MAX - 1);
  });

  it('throws busy when no slot frees up in time', async () => {
    await fillSlots();
    const search = vi.fn(async () => results('a'));
    const outcome = guardedSearch({ query: '营商环境', page: 1 }, search).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await outcome).toBeInstanceOf(SearchBusyError);
    expect(search).not.toHaveBeenCalled();
  });
});
