import 'server-only';
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAttachments, articles } from '@/db/schema/articles';
import { media } from '@/db/schema/media';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { cursorFields, keyset, type KeysetPage, keysetPage, timestampKey } from '@/lib/pagination/keyset';
import { type CappedCount, cappedCountOf, countOf } from '@/lib/pagination/offset';
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

/** The library's order: newest first, read from the (created_at, id) index page by page. */
export const mediaOrder = keyset({ sort: timestampKey(media.createdAt), id: media.id, direction: 'desc' });

/** Images are counted up to this many; beyond it the page says "1000 张以上". */
export const MEDIA_COUNT_CAP = 1000;

/**
 * One keyset page of the library at `cursor`, newest first, searched by file name, alt text
 * and caption, with a count that stops at MEDIA_COUNT_CAP: the library only grows.
 */
export async function listMedia(actor: Actor, search: MediaSearch): Promise<MediaPage> {
  authorize(actor, 'media.manage');
  return readMediaLibrary(search);
}

export type MediaSearch = { q: string; cursor?: string; pageSize?: number };
export type MediaPage = KeysetPage<MediaItem> & { count: CappedCount };

/** The library's page without a permission check: for callers that have checked their own (the record form's photo picker). */
export async function readMediaLibrary({ q, cursor, pageSize = 24 }: MediaSearch): Promise<MediaPage> {
  const db = await getDb();
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const where = q ? or(ilike(media.originalName, pattern), ilike(media.altText, pattern), ilike(media.caption, pattern)) : undefined;
  const matching = db.select({ one: sql`1` }).from(media).where(where).limit(MEDIA_COUNT_CAP + 1).as('matching');
  const [page, counted] = await Promise.all([
    keysetPage({
      keyset: mediaOrder,
      cursor,
      pageSize,
      rows: (k) => db.select({ row: media, ...cursorFields(mediaOrder) }).from(media).where(and(where, k.where)).orderBy(...k.orderBy).limit(k.limit),
    }),
    db.select({ n: count() }).from(matching).then(countOf),
  ]);
  return { ...page, items: page.items.map(({ row }) => toMediaItem(row)), count: cappedCountOf(counted, MEDIA_COUNT_CAP) };
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
