import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, slugRedirects } from '@/db/schema/news';
import { publiclyVisible } from './visibility';

// Old slug → current slug of visible articles, held in memory: proxy.ts consults it on every
// article request, so cached pages never wait on the database. Slug changes call
// `forgetSlugRedirects()`; other instances pick changes up within the refresh interval.
const REFRESH_MS = 60_000;
const store = globalThis as typeof globalThis & { __slugRedirects?: { loadedAt: number; map: Promise<Map<string, string>> } };

async function load(): Promise<Map<string, string>> {
  const db = await getDb();
  const rows = await db
    .select({ oldSlug: slugRedirects.oldSlug, slug: articles.slug })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
    .where(publiclyVisible);
  return new Map(rows.filter((r) => r.oldSlug !== r.slug).map((r) => [r.oldSlug, r.slug]));
}

export async function currentSlugFor(oldSlug: string): Promise<string | null> {
  const cached = store.__slugRedirects;
  if (!cached || Date.now() - cached.loadedAt > REFRESH_MS) {
    const map = load();
    store.__slugRedirects = { loadedAt: Date.now(), map };
    map.catch(() => {
      store.__slugRedirects = undefined;
    });
  }
  return (await store.__slugRedirects!.map).get(oldSlug) ?? null;
}

export function forgetSlugRedirects() {
  store.__slugRedirects = undefined;
}
