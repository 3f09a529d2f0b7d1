import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { articles, columns } from '@/db/schema/news';

// Public reads. Every query here filters to published articles: nothing else is ever public.
const published = eq(articles.status, 'published');

/** The fields a list shows: never the body. */
const listFields = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  kicker: articles.kicker,
  summary: articles.summary,
  publishedAt: articles.publishedAt,
  pinned: articles.pinned,
  columnId: articles.columnId,
};

export type ArticleListItem = {
  id: number;
  slug: string;
  title: string;
  kicker: string | null;
  summary: string | null;
  publishedAt: Date | null;
  pinned: boolean;
  columnId: number;
};

/** Deduplicated per request: the layout's navigation and the page both ask. */
export const listVisibleColumns = cache(async () => {
  const db = await getDb();
  return db
    .select({ id: columns.id, slug: columns.slug, name: columns.name, description: columns.description })
    .from(columns)
    .where(eq(columns.visible, true))
    .orderBy(asc(columns.sortOrder), asc(columns.id));
});

/** Pinned articles for the headline area, newest first. */
export async function listHeadlines({ limit = 3 }: { limit?: number } = {}): Promise<ArticleListItem[]> {
  const db = await getDb();
  return db
    .select(listFields)
    .from(articles)
    .where(and(published, eq(articles.pinned, true)))
    .orderBy(desc(articles.publishedAt))
    .limit(limit);
}

/** The latest `perColumn` published articles of every column, in one query. */
export async function listLatestByColumn({ perColumn = 6 }: { perColumn?: number } = {}): Promise<ArticleListItem[]> {
  const db = await getDb();
  const ranked = db
    .select({
      ...listFields,
      rank: sql<number>`row_number() over (partition by ${articles.columnId} order by ${articles.publishedAt} desc, ${articles.id} desc)`.as('rank'),
    })
    .from(articles)
    .where(published)
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perColumn}`)
    .orderBy(asc(ranked.columnId), asc(ranked.rank));
  return rows.map(({ rank: _rank, ...item }) => item);
}
