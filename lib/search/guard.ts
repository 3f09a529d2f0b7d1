import { env } from '@/lib/env';
import { ConcurrencyLimiter, type Release } from './concurrency';
import { ClientRateLimiter } from './rate-limit';
import { ResultCache, searchCacheKey } from './result-cache';

// Keeps public search from taking the site down: a short-lived result cache, a cap on search
// pages in progress, and a per-client limit. The proxy admits each search request (it alone can
// answer 429 or 503) and leases it a slot; the page searches in that slot and gives it back once
// its response is sent. Cached results are counted too: rendering a search page costs the
// process about as much as any dynamic page, and with only uncached searches capped, the bench
// still saw a cached article's median grow elevenfold. State lives on globalThis, shared by the
// proxy and the page bundles of one process.

export type SearchGuard = {
  /** The results of the site's one search function (lib/news/search.ts), whatever their shape. */
  cache: ResultCache<unknown>;
  /** Uncached searches in progress, so concurrent requests for one search share one query. */
  inFlight: Map<string, Promise<unknown>>;
  limiter: ConcurrencyLimiter;
  perClient: ClientRateLimiter;
  leases: Map<string, { release: Release; timer: ReturnType<typeof setTimeout> }>;
};

/** The request header the proxy uses to hand its slot to the page (a client's own is dropped). */
export const SEARCH_LEASE_HEADER = 'x-portal-search-lease';
/** A slot nobody gave back (neither the page nor a disconnect did) is freed after this. */
const LEASE_MS = 30_000;
/** What a 503 asks clients to wait: about the time a queue of searches takes to clear. */
const BUSY_RETRY_SECONDS = 5;
/** Beyond this many waiting, a search is answered busy at once instead of joining the queue. */
const MAX_WAITING = 200;

const store = globalThis as typeof globalThis & { __portalSearchGuard?: SearchGuard };

/** Where lib/cache/shared-cache-handler.mjs announces revalidations made on other instances. */
const REMOTE_REVALIDATION = Symbol.for('portal.cache.remoteRevalidation');
/** Every change to public news revalidates the home page (lib/news/revalidate.ts); a whole-site change the root layout. */
const NEWS_CHANGED = new Set(['_N_T_/', '_N_T_/layout']);

/** Cached results from before a change made on another instance are dropped here too. */
function dropOnRemoteChange() {
  const holder = globalThis as typeof globalThis & { [REMOTE_REVALIDATION]?: Set<(tags: string[]) => void> };
  const listeners = (holder[REMOTE_REVALIDATION] ??= new Set());
  listeners.add((tags) => {
    if (tags.some((tag) => NEWS_CHANGED.has(tag))) dropSearchCache();
  });
}

export function searchGuard(): SearchGuard {
  if (!store.__portalSearchGuard) dropOnRemoteChange();
  store.__portalSearchGuard ??= {
    cache: new ResultCache({ ttlMs: env.SEARCH_CACHE_SECONDS * 1000, maxEntries: env.SEARCH_CACHE_ENTRIES }),
    inFlight: new Map(),
    limiter: new ConcurrencyLimiter(env.SEARCH_MAX_CONCURRENT, MAX_WAITING),
    perClient: new ClientRateLimiter({ limit: env.SEARCH_PER_MINUTE, windowMs: 60_000 }),
    leases: new Map(),
  };
  return store.__portalSearchGuard;
}

/** Forgets every cached result: called whenever public articles change. */
export function dropSearchCache() {
  const guard = searchGuard();
  guard.cache.clear();
  // A search running now may have read the old data: later requests must not join it.
  guard.inFlight.clear();
}

export type SearchRequest = { query: string; columnSlug?: string; page: number };

export type Admission =
  | { kind: 'pass' }
  | { kind: 'lease'; lease: string }
  | { kind: 'limited'; retryAfterSeconds: number }
  | { kind: 'busy'; retryAfterSeconds: number };

/**
 * Decides whether a search request may proceed: over the client's limit → limited; otherwise
 * it waits for a slot and gets a lease on it, or busy when none frees up in time. `signal`
 * aborts when the client disconnects: the wait ends and the slot comes back at once (a page
 * whose client left may never run, so it could not give it back).
 */
export async function admitSearch(request: SearchRequest & { client: string | null; signal?: AbortSignal }): Promise<Admission> {
  if (searchCacheKey(request) === null) return { kind: 'pass' };
  const guard = searchGuard();
  const decision = guard.perClient.hit(request.client);
  if (!decision.allowed) return { kind: 'limited', retryAfterSeconds: decision.retryAfterSeconds };
  const release = await guard.limiter.acquire(env.SEARCH_QUEUE_MS, request.signal);
  if (!release) return { kind: 'busy', retryAfterSeconds: BUSY_RETRY_SECONDS };
  const lease = crypto.randomUUID();
  const timer = setTimeout(() => endLease(lease), LEASE_MS);
  timer.unref?.();
  guard.leases.set(lease, { release, timer });
  request.signal?.addEventListener('abort', () => endLease(lease), { once: true });
  return { kind: 'lease', lease };
}

/** Whether `lease` names a slot the proxy granted and nobody gave back yet. */
export function holdsLease(lease: string | null | undefined): boolean {
  return !!lease && searchGuard().leases.has(lease);
}

/** Gives a leased slot back; an unknown or ended lease does nothing. */
export function endLease(lease: string | null | undefined) {
  if (!lease) return;
  const { leases } = searchGuard();
  const held = leases.get(lease);
  if (!held) return;
  leases.delete(lease);
  clearTimeout(held.timer);
  held.release();
}

/** Thrown when a search found no free slot in time (the page could not be admitted by the proxy). */
export class SearchBusyError extends Error {
  constructor() {
    super('Search is busy');
    this.name = 'SearchBusyError';
  }
}

/**
 * Runs `search` for a request through the cache, sharing a search already in flight. A miss
 * runs in the request's leased slot (which its page gives back with `endLease`) or, without
 * one, in a slot waited for here and freed when the search ends.
 */
export async function guardedSearch<Results>(request: SearchRequest & { lease?: string | null }, search: () => Promise<Results>): Promise<Results> {
  const guard = searchGuard();
  const key = searchCacheKey(request);
  if (key === null) return search();
  const cached = guard.cache.get(key);
  // One search function fills this cache, so what it holds is that function's results.
  if (cached) return cached as Results;
  const running = guard.inFlight.get(key);
  if (running) return running as Promise<Results>;
  let release: Release | undefined;
  if (!holdsLease(request.lease)) {
    release = (await guard.limiter.acquire(env.SEARCH_QUEUE_MS)) ?? undefined;
    if (!release) throw new SearchBusyError();
  }
  try {
    const generation = guard.cache.generation;
    const promise = search();
    guard.inFlight.set(key, promise);
    try {
      const results = await promise;
      guard.cache.set(key, results, generation);
      return results;
    } finally {
      if (guard.inFlight.get(key) === promise) guard.inFlight.delete(key);
    }
  } finally {
    release?.();
  }
}
