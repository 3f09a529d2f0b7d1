// The incremental cache of the public pages (next.config.ts `cacheHandler`), shared in meaning
// by every instance on one PostgreSQL database: each process keeps its pages in its own memory,
// as Next's default handler does, and a revalidation on any instance reaches the others through
// `NOTIFY portal_cache` within milliseconds (docs/scale-out.md).
//
// Plain JavaScript: Next.js imports this file at run time, outside its bundles, and `next build`
// imports it too. It reads process.env itself for the same reason (config/env.ts is TypeScript).
//
// What Next.js 16 calls (node_modules/next/dist/server/lib/incremental-cache/index.js):
// - get(key, ctx) before serving a cached route, set(key, value, ctx) after rendering one;
// - revalidateTag(tags) once per server action / request, with every tag revalidatePath and
//   revalidateTag queued: revalidatePath('/articles/x') is the implicit tag `_N_T_/articles/x`,
//   revalidatePath('/', 'layout') is `_N_T_/layout`. A cached route's own tags (implicit ones
//   included) travel in its `x-next-cache-tags` header.
// A custom handler must judge tag expiry itself: Next's own tags manifest is only written by its
// file-system handler.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';

export const CHANNEL = 'portal_cache';
const TAGS_HEADER = 'x-next-cache-tags';
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** NOTIFY payloads must stay under 8000 bytes: tags are sent in batches below that. */
const MAX_PAYLOAD = 7000;
/** A render takes seconds at most (statement timeout 10 s): older tag times can be forgotten. */
const TAG_MEMORY_MS = 10 * 60_000;
const RELISTEN_MS = 1000;
/** In-process listeners for revalidations from other instances (the search result cache). */
export const REMOTE_REVALIDATION = Symbol.for('portal.cache.remoteRevalidation');

/** A route or page whose render answered a server error (5xx). */
function failedRender(value) {
  return (value?.kind === 'APP_ROUTE' || value?.kind === 'APP_PAGE') && (value.status ?? 200) >= 500;
}

function sizeOf(value) {
  if (!value) return 100;
  if (value.kind === 'APP_ROUTE') return value.body?.length ?? 100;
  if (value.kind === 'APP_PAGE') return (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + 100;
  if (value.kind === 'FETCH') return JSON.stringify(value.data ?? '').length;
  return JSON.stringify(value).length;
}

function tagsOf(value, ctx) {
  if (value?.kind === 'FETCH') return [...(ctx?.tags ?? value.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header !== '' ? header.split(',') : [];
}

/** Splits tags into NOTIFY payloads, each a JSON `{ origin, tags }` under MAX_PAYLOAD bytes. */
export function payloads(origin, tags) {
  const out = [];
  let batch = [];
  for (const tag of tags) {
    if (batch.length > 0 && Buffer.byteLength(JSON.stringify({ origin, tags: [...batch, tag] })) > MAX_PAYLOAD) {
      out.push(JSON.stringify({ origin, tags: batch }));
      batch = [];
    }
    batch.push(tag);
  }
  if (batch.length > 0) out.push(JSON.stringify({ origin, tags: batch }));
  return out;
}

export const isPostgresUrl = (url) => typeof url === 'string' && /^postgres(ql)?:\/\//.test(url);

/**
 * One process's cache. `databaseUrl` (a postgres:// URL) turns the broadcast on; without it the
 * cache is local only, like Next's default (PGlite serves one process).
 */
export function createSharedCache({ maxBytes = DEFAULT_MAX_BYTES, databaseUrl, now = Date.now, log = console } = {}) {
  /** key → { value, lastModified, cacheControl, tags, since, size }; Map order is LRU order. */
  const entries = new Map();
  /** tag → when it was last revalidated (this process's clock: the time it learned of it). */
  const tagTimes = new Map();
  /** key → the first get since its last set: the render that sets it started no earlier. */
  const pendingSince = new Map();
  const origin = randomUUID();
  let bytes = 0;
  /** Everything rendered before this is stale: set when (re)subscribing, after possible misses. */
  let clearedAt = 0;
  let notifier;
  let listener;
  let listening = false;
  let relistenTimer;
  let stopped = false;

  function drop(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.size;
  }

  function outdated(entry) {
    if (entry.since < clearedAt) return true;
    return entry.tags.some((tag) => (tagTimes.get(tag) ?? -Infinity) >= entry.since);
  }

  /** Marks tags revalidated now and drops the entries carrying them. */
  function applyTags(tags) {
    const time = now();
    for (const [tag, at] of tagTimes) if (at < time - TAG_MEMORY_MS) tagTimes.delete(tag);
    const wanted = new Set(tags);
    for (const tag of wanted) tagTimes.set(tag, time);
    for (const [key, entry] of entries) if (entry.tags.some((tag) => wanted.has(tag))) drop(key);
  }

  function clearAll() {
    clearedAt = now();
    entries.clear();
    bytes = 0;
  }

  /** A NOTIFY from any instance (its own are skipped: already applied). */
  function receive(payload) {
    let message;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (!message || message.origin === origin || !Array.isArray(message.tags)) return;
    const tags = message.tags.filter((tag) => typeof tag === 'string');
    applyTags(tags);
    for (const listen of globalThis[REMOTE_REVALIDATION] ?? []) {
      try {
        listen(tags);
      } catch (error) {
        log.error('[cache] a revalidation listener failed', error);
      }
    }
  }

  function scheduleListen() {
    if (stopped || relistenTimer) return;
    relistenTimer = setTimeout(() => {
      relistenTimer = undefined;
      void subscribe();
    }, RELISTEN_MS);
    relistenTimer.unref?.();
  }

  async function subscribe() {
    if (stopped || listening) return;
    try {
      await listener`listen ${listener(CHANNEL)}`;
      listening = true;
      // Notifications sent while this process was not listening are lost: start afresh.
      clearAll();
    } catch (error) {
      log.warn(`[cache] cannot listen on ${CHANNEL} (${error?.code ?? error?.message}); retrying`);
      scheduleListen();
    }
  }

  if (isPostgresUrl(databaseUrl)) {
    // Reconnects at most 1 s apart, as db/open.ts's pool does (postgres.js's default waits up to 20 s).
    const common = { max: 1, connect_timeout: 5, backoff: (retries) => Math.min(0.05 * 2 ** retries, 1), onnotice: () => {} };
    notifier = postgres(databaseUrl, { ...common, idle_timeout: 60 });
    // A dedicated connection that stays open; when it closes, it subscribes again once it can.
    listener = postgres(databaseUrl, {
      ...common,
      idle_timeout: null,
      max_lifetime: null,
      onnotify: (channel, payload) => {
        if (channel === CHANNEL) receive(payload);
      },
      onclose: () => {
        listening = false;
        scheduleListen();
      },
    });
    void subscribe();
  }

  return {
    origin,
    get listening() {
      return listening;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    receive,

    async get(key) {
      if (pendingSince.size > 10_000) pendingSince.clear();
      const entry = entries.get(key);
      // A miss is rendered now; a hit may be re-rendered in the background later, which started
      // no earlier than the first hit since the entry was stored.
      if (!entry || outdated(entry)) {
        drop(key);
        pendingSince.set(key, now());
        return null;
      }
      if (!pendingSince.has(key)) pendingSince.set(key, now());
      entries.delete(key);
      entries.set(key, entry);
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    },

    async set(key, value, ctx) {
      // A failed render (the public error page answers 500) is not the page: Next.js stores a
      // route's response whatever its status, and stored it would be served to every reader for
      // the page's whole revalidate time after the cause is gone (seen on one instance after a
      // PostgreSQL restart: 500s until the test ended). What was stored before stays.
      if (failedRender(value)) {
        pendingSince.delete(key);
        return;
      }
      const time = now();
      const since = Math.min(pendingSince.get(key) ?? time, time);
      pendingSince.delete(key);
      drop(key);
      const size = key.length + sizeOf(value);
      if (size > maxBytes) return;
      const entry = { value, lastModified: time, cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl, tags: tagsOf(value, ctx), since, size };
      entries.set(key, entry);
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },

    /** Local first (this instance never waits for the database), then the other instances. */
    async revalidateTag(tags) {
      const list = typeof tags === 'string' ? [tags] : [...tags];
      if (list.length === 0) return;
      applyTags(list);
      if (!notifier) return;
      try {
        for (const payload of payloads(origin, list)) await notifier.notify(CHANNEL, payload);
      } catch (error) {
        log.error(`[cache] could not tell the other instances (${error?.code ?? error?.message}); they catch up within the pages' revalidate time`);
      }
    },

    async stop() {
      stopped = true;
      clearTimeout(relistenTimer);
      await Promise.all([notifier?.end({ timeout: 1 }), listener?.end({ timeout: 1 })]);
    },
  };
}

const SHARED = Symbol.for('portal.cache.sharedCache');

function processCache(ctx) {
  // Next.js imports this file outside its bundles, where config/env.ts (TypeScript) is not at hand.
  // eslint-disable-next-line no-restricted-properties
  const { NEXT_PHASE, PORTAL_CACHE_BROADCAST, DATABASE_URL } = process.env;
  globalThis[SHARED] ??= createSharedCache({
    maxBytes: ctx?.maxMemoryCacheSize || DEFAULT_MAX_BYTES,
    // `next build` renders static pages with this handler too: no database there.
    databaseUrl: NEXT_PHASE === 'phase-production-build' || PORTAL_CACHE_BROADCAST === '0' ? undefined : DATABASE_URL,
  });
  return globalThis[SHARED];
}

/** The class Next.js instantiates (per request: the state lives in the process's one cache). */
export default class SharedCacheHandler {
  constructor(ctx) {
    this.cache = processCache(ctx);
  }

  get(key, ctx) {
    return this.cache.get(key, ctx);
  }

  set(key, value, ctx) {
    return this.cache.set(key, value, ctx);
  }

  // Durations (revalidateTag(tag, profile)) are treated as immediate expiry: stricter than
  // stale-while-revalidate, and the portal revalidates paths only.
  revalidateTag(tags) {
    return this.cache.revalidateTag(tags);
  }

  resetRequestCache() {}
}
