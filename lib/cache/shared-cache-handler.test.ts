import { afterEach, describe, expect, it } from 'vitest';
import { createSharedCache, payloads, REMOTE_REVALIDATION, type SharedCache } from './shared-cache-handler.mjs';

// The handler's local behaviour: tags from the route's header, revalidation (local and from
// another instance), the render-start rule, the size bound. The broadcast itself is proved with
// two real instances on PostgreSQL (scripts/cache-broadcast-check.ts).

const route = (body: string, tags: string[]) => ({
  kind: 'APP_ROUTE',
  body: Buffer.from(body),
  status: 200,
  headers: { 'x-next-cache-tags': tags.join(',') },
});
const articleTags = ['_N_T_/layout', '_N_T_/(public)/articles/[slug]/layout', '_N_T_/articles/a'];

let clock = 1_000;
const now = () => clock;
let caches: SharedCache[] = [];
function cache(options: { maxBytes?: number } = {}) {
  const made = createSharedCache({ now, ...options });
  caches.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(caches.map((c) => c.stop()));
  caches = [];
});

describe('shared cache handler', () => {
  it('serves what was set until one of its tags is revalidated', async () => {
    const c = cache();
    await c.get('/articles/a');
    await c.set('/articles/a', route('v1', articleTags), { cacheControl: { revalidate: 60 } });
    expect((await c.get('/articles/a'))?.value?.body?.toString()).toBe('v1');
    clock += 10;
    await c.revalidateTag(['_N_T_/articles/b']);
    expect(await c.get('/articles/a')).not.toBeNull();
    await c.revalidateTag(['_N_T_/articles/a']);
    expect(c.size).toBe(0);
    expect(await c.get('/articles/a')).toBeNull();
  });

  it('revalidatePath("/", "layout") drops every page', async () => {
    const c = cache();
    await c.set('/articles/a', route('a', articleTags));
    await c.set('/', route('home', ['_N_T_/layout', '_N_T_/']));
    clock += 10;
    await c.revalidateTag('_N_T_/layout');
    expect(c.size).toBe(0);
  });

  it('applies revalidations from another instance, ignores its own, and tells in-process listeners', async () => {
    const c = cache();
    const heard: string[][] = [];
    const holder = globalThis as unknown as Record<symbol, Set<(tags: string[]) => void>>;
    holder[REMOTE_REVALIDATION] ??= new Set();
    const listen = (tags: string[]) => heard.push(tags);
    holder[REMOTE_REVALIDATION].add(listen);
    try {
      await c.set('/articles/a', route('a', articleTags));
      clock += 10;
      c.receive(JSON.stringify({ origin: c.origin, tags: ['_N_T_/articles/a'] }));
      expect(c.size).toBe(1);
      c.receive('not json');
      c.receive(JSON.stringify({ origin: 'other', tags: ['_N_T_/articles/a'] }));
      expect(c.size).toBe(0);
      expect(heard).toEqual([['_N_T_/articles/a']]);
    } finally {
      holder[REMOTE_REVALIDATION].delete(listen);
    }
  });

  it('never stores a failed render: the error page is not kept in place of the page', async () => {
    const c = cache();
    const failed = { ...route('页面暂时无法显示', articleTags), status: 500 };
    expect(await c.get('/articles/a')).toBeNull();
    await c.set('/articles/a', failed, { cacheControl: { revalidate: 60 } });
    expect(await c.get('/articles/a')).toBeNull();
    expect(c.size).toBe(0);
    // A page stored before keeps serving when a later render of it fails (the database is down).
    await c.set('/articles/a', route('v1', articleTags), { cacheControl: { revalidate: 60 } });
    clock += 10;
    await c.set('/articles/a', failed, { cacheControl: { revalidate: 60 } });
    await c.set('/about', { kind: 'APP_PAGE', html: '<h1>出错了</h1>', status: 503, headers: {} });
    expect((await c.get('/articles/a'))?.value?.body?.toString()).toBe('v1');
    expect(await c.get('/about')).toBeNull();
    // A missing page's 404 is an answer, stored like the page would be.
    await c.set('/articles/gone', { ...route('未找到', articleTags), status: 404 });
    expect((await c.get('/articles/gone'))?.value?.status).toBe(404);
  });

  it('a render that started before a revalidation is stale when it is stored', async () => {
    const c = cache();
    expect(await c.get('/articles/a')).toBeNull(); // the render starts, reading the old article
    clock += 5;
    c.receive(JSON.stringify({ origin: 'other', tags: ['_N_T_/articles/a'] })); // published meanwhile
    clock += 5;
    await c.set('/articles/a', route('old', articleTags));
    expect(await c.get('/articles/a')).toBeNull();
    clock += 5;
    await c.set('/articles/a', route('new', articleTags));
    expect((await c.get('/articles/a'))?.value?.body?.toString()).toBe('new');
  });

  it('keeps within its size, dropping the least recently used first', async () => {
    const c = cache({ maxBytes: 300 });
    await c.set('a', route('x'.repeat(100), []));
    await c.set('b', route('x'.repeat(100), []));
    await c.get('a');
    await c.set('c', route('x'.repeat(100), []));
    expect(await c.get('b')).toBeNull();
    expect(await c.get('a')).not.toBeNull();
    expect(await c.get('c')).not.toBeNull();
    expect(c.bytes).toBeLessThanOrEqual(300);
  });

  it('splits long tag lists into NOTIFY payloads under 8000 bytes', () => {
    const tags = Array.from({ length: 400 }, (_, i) => `_N_T_/articles/some-long-article-slug-${i}`);
    const sent = payloads('origin', tags);
    expect(sent.length).toBeGreaterThan(1);
    for (const payload of sent) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(sent.flatMap((p) => (JSON.parse(p) as { tags: string[] }).tags)).toEqual(tags);
  });
});
