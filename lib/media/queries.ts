import 'server-only';
import { asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAttachments, articles } from '@/db/schema/articles';
import { media } from '@/db/schema/media';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { countOf, type Page, paginate } from '@/lib/pagination/offset';
import { publiclyVisible } from '@/lib/news/visibility';
import type { AttachmentItem, MediaItem } from './types';
import { attachmentUrl, mediaUrl, srcSetOf, thumbnailOf } from './urls';

// Reads for the media library and article attachments.

export function toMediaItem(row: typeof media.$inferSelect): MediaItem {
  return {
    id: row.id,
    url: mediaUrl(row.storageKey),
    alt: row.altText,
    caption: row.caption,
    width: row.width,
    height: row.height,
    srcSet: srcSetOf(row, row.variants),
    originalName: row.originalName,
    mimeType: row.mimeType,
    byteSize: row.byteSize,
    thumbUrl: thumbnailOf(row, row.variants),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The library, newest first, searched by file name, alt text and caption. */
export async function listMedia(actor: Actor, { q, page, pageSize = 24 }: { q: string; page: number; pageSize?: number }): Promise<Page<MediaItem>> {
  authorize(actor, 'media.manage');
  const db = await getDb();
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const where = q ? or(ilike(media.originalName, pattern), ilike(media.altText, pattern), ilike(media.caption, pattern)) : undefined;
  return paginate({
    page,
    pageSize,
    rows: ({ limit, offset }) =>
      db.select().from(media).where(where).orderBy(desc(media.createdAt), desc(media.id)).limit(limit).offset(offset).then((rows) => rows.map(toMediaItem)),
    count: () => db.select({ n: count() }).from(media).where(where).then(countOf),
  });
}

/**
 * An article's attachments in their order. No permission check: the editor page has checked
 * the article, and the public article page only asks for visible articles.
 */
export async function listArticleAttachments(articleId: number): Promise<AttachmentItem[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: articleAttachments.id, name: articleAttachments.originalName, kind: articleAttachments.kind, byteSize: articleAttachments.byteSize })
    .from(articleAttachments)
    .where(eq(articleAttachments.articleId, articleId))
    .orderBy(asc(articleAttachments.sortOrder), asc(articleAttachments.id));
  return rows.map((r) => ({ ...r, url: attachmentUrl(r.id) }));
}

/** An attachment with what deciding its download needs: the article's owner and public visibility. */
export async function findAttachmentForDownload(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      storageKey: articleAttachments.storageKey,
      name: articleAttachments.originalName,
      kind: articleAttachments.kind,
      byteSize: articleAttachments.byteSize,
      authorId: articles.authorId,
      visible: sql<boolean>`coalesce(${publiclyVisible}, false)`,
    })
    .from(articleAttachments)
    .innerJoin(articles, eq(articles.id, articleAttachments.articleId))
    .where(eq(articleAttachments.id, id))
    .limit(1);
  return row ?? null;
}
