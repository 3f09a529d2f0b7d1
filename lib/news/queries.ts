import 'server-only';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { media } from '@/db/schema/media';
import { countOf, type Page, paginate } from '@/lib/pagination/offset';
import { isSlug } from './slug';
import { publiclyVisible } from './visibility';

// Public reads for lists. Every query filters with `publiclyVisible`; lists never load bodies.

/** The fields a list shows: never the body. */
export const listFields = {
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

export type ColumnSummary = { id: number; slug: string; name: string; description: string | null };

/** Deduplicated per request: the layout's navigation and the page both ask. */
export const listVisibleColumns = cache(async (): Promise<ColumnSummary[]> => {
  const db = await getDb();
  return db
    .select({ id: columns.id, slug: columns.slug, name: columns.name, description: columns.description })
    .from(columns)
    .where(eq(columns.visible, true))
    .orderBy(asc(columns.sortOrder), asc(columns.id));
});

export type Headline = ArticleListItem & { coverUrl: string | null; coverAlt: string | null };

/** Pinned articles for the headline area, newest first, with their cover images. */
export async function listHeadlines({ limit = 3 }: { limit?: number } = {}): Promise<Headline[]> {
  const db = await getDb();
  const rows = await db
    .select({ ...listFields, coverKey: media.storageKey, coverAlt: media.altText })
    .from(articles)
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(and(publiclyVisible, eq(articles.pinned, true)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(({ coverKey, ...row }) => ({ ...row, coverUrl: coverKey ? `/media/${coverKey}` : null }));
}

/** The latest `perColumn` published articles of every column, in one query. */
export async function listLatestByColumn({ perColumn = 5 }: { perColumn?: number } = {}): Promise<ArticleListItem[]> {
  const db = await getDb();
  const ranked = db
    .select({
      ...listFields,
      rank: sql<number>`row_number() over (partition by ${articles.columnId} order by ${articles.publishedAt} desc, ${articles.id} desc)`.as('rank'),
    })
    .from(articles)
    .where(publiclyVisible)
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perColumn}`)
    .orderBy(asc(ranked.columnId), asc(ranked.rank));
  return rows.map(({ rank: _rank, ...item }) => item);
}

export async function findVisibleColumn(slug: string): Promise<ColumnSummary | null> {
  if (!isSlug(slug)) return null;
  const all = await listVisibleColumns();
  return all.find((c) => c.slug === slug) ?? null;
}

/** One page of a column, newest first, with the total for page links. */
export async function listColumnArticles({ columnId, page, pageSize = 20 }: { columnId: number; page: number; pageSize?: number }): Promise<Page<ArticleListItem>> {
  const db = await getDb();
  const where = and(publiclyVisible, eq(articles.columnId, columnId));
  return paginate({
    page,
    pageSize,
    rows: ({ limit, offset }) => db.select(listFields).from(articles).where(where).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(limit).offset(offset),
    count: () => db.select({ n: count() }).from(articles).where(where).then(countOf),
  });
}

/** Latest notices for the home page's notice board. */
export async function listLatestInColumn({ slug, limit }: { slug: string; limit: number }): Promise<ArticleListItem[]> {
  const db = await getDb();
  return db
    .select(listFields)
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(and(publiclyVisible, eq(columns.slug, slug)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}
