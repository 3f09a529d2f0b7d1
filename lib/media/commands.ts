import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import { articles } from '@/db/schema/articles';
import { media } from '@/db/schema/media';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { cleanFileName } from './file-name';
import { ImageRejected, processImage } from './image';
import type { deleteMediaSchema, updateMediaSchema, uploadMediaSchema } from './schemas';
import { sniffImage } from './sniff';
import { contentKey, getStorage } from './storage';
import { articlesUsingMedia } from './usage';

// Writes on the media library. Files are stored before the row that names them (a rolled-back
// upload leaves only unreferenced, immutable files) and removed only after a deletion commits.

const auditable = (m: typeof media.$inferSelect) => ({
  originalName: m.originalName,
  mimeType: m.mimeType,
  byteSize: m.byteSize,
  width: m.width,
  height: m.height,
  altText: m.altText,
  caption: m.caption,
  storageKey: m.storageKey,
});

const duplicate = (m?: { id: number; altText: string }) =>
  new AppError('conflict', `媒体库中已有这张图片${m ? `（编号 ${m.id}：${m.altText}）` : ''}，请直接选用，无需重复上传。`, 'file');

export async function uploadMedia(ctx: ActionContext, input: z.infer<typeof uploadMediaSchema>) {
  const data = new Uint8Array(await input.file.arrayBuffer());
  const type = sniffImage(data);
  if (!type) throw new AppError('invalid', '只能上传 JPEG、PNG、WebP 或 GIF 图片（按文件内容识别，与文件名无关）。', 'file');
  const image = await processImage(data, type).catch((error: unknown) => {
    throw error instanceof ImageRejected ? new AppError('invalid', error.message, 'file') : error;
  });
  const storageKey = contentKey('images', image.main.data, image.main.ext);
  const [existing] = await ctx.tx.select({ id: media.id, altText: media.altText }).from(media).where(eq(media.storageKey, storageKey));
  if (existing) throw duplicate(existing);

  const variants = image.variants.map((v) => ({ ...v, storageKey: contentKey('images', v.data, 'webp') }));
  const storage = getStorage();
  await storage.put(storageKey, image.main.data);
  for (const v of variants) await storage.put(v.storageKey, v.data);

  const [row] = await ctx.tx
    .insert(media)
    .values({
      storageKey,
      originalName: cleanFileName(input.file.name, 'image'),
      mimeType: image.main.mimeType,
      byteSize: image.main.data.byteLength,
      width: image.main.width,
      height: image.main.height,
      altText: input.altText,
      caption: input.caption,
      variants: variants.map((v) => ({ width: v.width, storageKey: v.storageKey, mimeType: 'image/webp', byteSize: v.data.byteLength })),
      createdBy: ctx.user.id,
    })
    .returning()
    .catch((error: unknown) => {
      // The same image uploaded twice at once: the unique key decides.
      throw isUniqueViolation(error, 'media_storage_key') ? duplicate() : error;
    });
  await ctx.audit({ action: 'media.upload', entityType: 'media', entityId: row!.id, after: auditable(row!) });
  return row!;
}

async function loadForUpdate(ctx: ActionContext, id: number) {
  const [row] = await ctx.tx.select().from(media).where(eq(media.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该图片不存在或已被删除。');
  return row;
}

/** Slugs of the articles that show the image as their cover: their public pages show its alt text. */
async function coverSlugs(ctx: ActionContext, id: number) {
  const rows = await ctx.tx.select({ slug: articles.slug }).from(articles).where(eq(articles.coverMediaId, id));
  return rows.map((r) => r.slug);
}

export async function updateMedia(ctx: ActionContext, input: z.infer<typeof updateMediaSchema>) {
  const before = await loadForUpdate(ctx, input.id);
  if (before.version !== input.version) throw new AppError('conflict', '该图片的信息已被他人修改，请刷新页面后再保存。');
  const [after] = await ctx.tx
    .update(media)
    .set({ altText: input.altText, caption: input.caption, version: sql`${media.version} + 1` })
    .where(eq(media.id, before.id))
    .returning();
  await ctx.audit({ action: 'media.update', entityType: 'media', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return { media: after!, articleSlugs: await coverSlugs(ctx, before.id) };
}

export async function deleteMedia(ctx: ActionContext, input: z.infer<typeof deleteMediaSchema>) {
  const before = await loadForUpdate(ctx, input.id);
  const users = await articlesUsingMedia(ctx.tx, before.id);
  if (users.length > 0) {
    const named = users.slice(0, 3).map((a) => `《${a.title}》`).join('、');
    const more = users.length > 3 ? '等' : '';
    throw new AppError('conflict', `该图片正被 ${users.length} 篇文章使用（${named}${more}），不能删除。请先在这些文章中移除或替换它。`);
  }
  await ctx.tx.delete(media).where(eq(media.id, before.id));
  await ctx.audit({ action: 'media.delete', entityType: 'media', entityId: before.id, before: auditable(before) });
  return { storageKeys: [before.storageKey, ...before.variants.map((v) => v.storageKey)] };
}

/** After a deletion committed: its files go too. */
export async function removeStoredFiles(storageKeys: string[]) {
  const storage = getStorage();
  for (const key of storageKeys) await storage.delete(key);
}
