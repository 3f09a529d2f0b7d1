import 'server-only';
import { and, desc, eq, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { publiclyVisible } from './visibility';

export type FeedItem = {
  slug: string;
  title: string;
  summary: string | null;
  byline: string | null;
  bodyHtml: string;
  publishedAt: Date;
  columnName: string;
};

/** The latest visible articles with their full content, for RSS; optionally one column. */
export async function listFeedItems({ columnId, limit = 50 }: { columnId?: number; limit?: number } = {}): Promise<FeedItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      byline: articles.byline,
      bodyHtml: articles.bodyHtml,
      publishedAt: articles.publishedAt,
      columnName: columns.name,
    })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(and(publiclyVisible, columnId ? eq(articles.columnId, columnId) : undefined))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** Every visible article and column, with the time each last changed, for the sitemap. */
export async function listSitemapEntries() {
  const db = await getDb();
  const [articleRows, columnRows] = await Promise.all([
    db
      .select({ slug: articles.slug, updatedAt: articles.updatedAt, publishedAt: articles.publishedAt })
      .from(articles)
      .where(publiclyVisible)
      .orderBy(desc(articles.publishedAt))
      .limit(50_000),
    db
      .select({ slug: columns.slug, lastPublished: max(articles.publishedAt), updatedAt: columns.updatedAt })
      .from(columns)
      .leftJoin(articles, and(eq(articles.columnId, columns.id), publiclyVisible))
      .where(eq(columns.visible, true))
      .groupBy(columns.id)
      .orderBy(columns.sortOrder),
  ]);
  const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
  return {
    articles: articleRows.map((a) => ({ slug: a.slug, lastModified: later(a.updatedAt, a.publishedAt)! })),
    columns: columnRows.map((c) => ({ slug: c.slug, lastModified: later(c.lastPublished ? new Date(c.lastPublished) : null, c.updatedAt)! })),
  };
}
