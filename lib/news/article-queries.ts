import 'server-only';
import { and, asc, desc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { articles, slugRedirects } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { media } from '@/db/schema/media';
import { listArticleAttachments } from '@/lib/media/queries';
import type { AttachmentItem } from '@/lib/media/types';
import { phrases } from '@/lib/search/tokenize';
import { listFields, type ArticleListItem } from './queries';
import { isSlug } from './slug';
import { publiclyVisible } from './visibility';

export type PublicArticle = {
  id: number;
  slug: string;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  source: string | null;
  summary: string | null;
  bodyHtml: string;
  videoUrl: string | null;
  publishedAt: Date;
  updatedAt: Date;
  /** A hidden column's page is gone; its articles stay readable, without a link to it. */
  column: { id: number; slug: string; name: string; visible: boolean };
  cover: { url: string; alt: string; width: number | null; height: number | null; caption: string | null } | null;
  /** Downloads listed under the body (notices); the staff preview may leave them out. */
  attachments?: AttachmentItem[];
};

/** A visible article by slug, or null: drafts, scheduled-in-future and archived do not exist here. */
export const findVisibleArticle = cache(async (slug: string): Promise<PublicArticle | null> => {
  if (!isSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      kicker: articles.kicker,
      title: articles.title,
      subtitle: articles.subtitle,
      byline: articles.byline,
      source: articles.source,
      summary: articles.summary,
      bodyHtml: articles.bodyHtml,
      videoUrl: articles.videoUrl,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      columnId: columns.id,
      columnSlug: columns.slug,
      columnName: columns.name,
      columnVisible: columns.visible,
      coverKey: media.storageKey,
      coverAlt: media.altText,
      coverWidth: media.width,
      coverHeight: media.height,
      coverCaption: media.caption,
    })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(and(eq(articles.slug, slug), publiclyVisible))
    .limit(1);
  if (!row) return null;
  const { columnId, columnSlug, columnName, columnVisible, coverKey, coverAlt, coverWidth, coverHeight, coverCaption, publishedAt, ...rest } = row;
  const attachments = await listArticleAttachments(row.id);
  return {
    ...rest,
    publishedAt: publishedAt!,
    column: { id: columnId, slug: columnSlug, name: columnName, visible: columnVisible },
    cover: coverKey ? { url: `/media/${coverKey}`, alt: coverAlt ?? '', width: coverWidth, height: coverHeight, caption: coverCaption } : null,
    attachments,
  };
});

/** The current slug for an old one, when the article it points to is visible. */
export async function findSlugRedirect(oldSlug: string): Promise<string | null> {
  if (!isSlug(oldSlug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ slug: articles.slug })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
    .where(and(eq(slugRedirects.oldSlug, oldSlug), publiclyVisible))
    .limit(1);
  return row?.slug ?? null;
}

/** The previous (older) and next (newer) visible article in the same column. */
export async function findAdjacentArticles(article: Pick<PublicArticle, 'id' | 'publishedAt' | 'column'>) {
  const db = await getDb();
  const sameColumn = and(publiclyVisible, eq(articles.columnId, article.column.id), ne(articles.id, article.id));
  const at = article.publishedAt;
  const [older, newer] = await Promise.all([
    db
      .select({ slug: articles.slug, title: articles.title })
      .from(articles)
      .where(and(sameColumn, or(lt(articles.publishedAt, at), and(eq(articles.publishedAt, at), lt(articles.id, article.id)))))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(1),
    db
      .select({ slug: articles.slug, title: articles.title })
      .from(articles)
      .where(and(sameColumn, or(gt(articles.publishedAt, at), and(eq(articles.publishedAt, at), gt(articles.id, article.id)))))
      .orderBy(asc(articles.publishedAt), asc(articles.id))
      .limit(1),
  ]);
  return { previous: older[0] ?? null, next: newer[0] ?? null };
}

/** Articles whose titles share the most words with this one's (any column), newest first on ties. */
export async function findRelatedArticles(article: Pick<PublicArticle, 'id' | 'title'>, limit = 5): Promise<ArticleListItem[]> {
  const tokens = [...new Set(phrases(article.title).flat())].slice(0, 24);
  if (tokens.length === 0) return [];
  const anyToken = tokens.map((t) => `'${t.replace(/'/g, "''")}'`).join(' | ');
  const db = await getDb();
  return db
    .select(listFields)
    .from(articles)
    .where(and(publiclyVisible, ne(articles.id, article.id), sql`${articles.titleVector} @@ ${anyToken}::tsquery`))
    .orderBy(desc(sql`ts_rank_cd(${articles.titleVector}, ${anyToken}::tsquery)`), desc(articles.publishedAt))
    .limit(limit);
}

/** Counts a reading. Only visible articles count; nothing is returned to the reader. */
export async function recordArticleView(slug: string): Promise<boolean> {
  if (!isSlug(slug)) return false;
  const db = await getDb();
  const updated = await db
    .update(articles)
    .set({ viewCount: sql`${articles.viewCount} + 1`, updatedAt: sql`${articles.updatedAt}` }) // a reading is not an edit
    .where(and(eq(articles.slug, slug), publiclyVisible))
    .returning({ id: articles.id });
  return updated.length > 0;
}
