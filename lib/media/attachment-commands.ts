import 'server-only';
import { and, asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { articleAttachments, articles } from '@/db/schema/articles';
import type { ActionContext } from '@/lib/actions/define-action';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { attachmentFileName } from './file-name';
import type { addAttachmentSchema, moveAttachmentSchema, removeAttachmentSchema } from './schemas';
import { sniffAttachment } from './sniff';
import { contentKey, getStorage } from './storage';

// Attachments of an article (notices: forms, lists, regulations). Editors change them on their
// own drafts only; whoever may publish may change them in any state.

async function loadArticle(ctx: ActionContext, articleId: number) {
  const [article] = await ctx.tx
    .select({ id: articles.id, slug: articles.slug, status: articles.status, authorId: articles.authorId })
    .from(articles)
    .where(eq(articles.id, articleId))
    .for('update');
  if (!article) throw new AppError('not_found', '该文章不存在或已被删除。');
  ctx.authorizeTarget({ ownerId: article.authorId });
  if (article.status !== 'draft' && !can(ctx.user, 'articles.publish')) {
    throw new AppError('forbidden', '文章已提交审核或已发布，只有管理员可以修改它的附件。');
  }
  return article;
}

async function loadAttachment(ctx: ActionContext, id: number) {
  const [row] = await ctx.tx.select().from(articleAttachments).where(eq(articleAttachments.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该附件不存在或已被删除。');
  return { attachment: row, article: await loadArticle(ctx, row.articleId) };
}

const auditable = (a: typeof articleAttachments.$inferSelect) => ({ articleId: a.articleId, name: a.originalName, kind: a.kind, byteSize: a.byteSize, storageKey: a.storageKey });

export async function addAttachment(ctx: ActionContext, input: z.infer<typeof addAttachmentSchema>) {
  const article = await loadArticle(ctx, input.articleId);
  const data = new Uint8Array(await input.file.arrayBuffer());
  const kind = sniffAttachment(data);
  if (!kind) throw new AppError('invalid', '只能上传 PDF、Word（.docx）或 Excel（.xlsx）文件（按文件内容识别，与文件名无关），且文件须完整。', 'file');
  // One file per article directory: the same file on two articles is two keys, so removing
  // it from one never removes it from the other.
  const storageKey = contentKey(`attachments/${article.id}`, data, kind);
  const [existing] = await ctx.tx.select({ name: articleAttachments.originalName }).from(articleAttachments).where(eq(articleAttachments.storageKey, storageKey));
  if (existing) throw new AppError('conflict', `本文已有内容相同的附件（${existing.name}）。`, 'file');
  const [last] = await ctx.tx.select({ n: max(articleAttachments.sortOrder) }).from(articleAttachments).where(eq(articleAttachments.articleId, article.id));

  await getStorage().put(storageKey, data);
  const [row] = await ctx.tx
    .insert(articleAttachments)
    .values({
      articleId: article.id,
      storageKey,
      originalName: attachmentFileName(input.file.name, kind),
      kind,
      byteSize: data.byteLength,
      sortOrder: (last?.n ?? -1) + 1,
      createdBy: ctx.user.id,
    })
    .returning();
  await ctx.audit({ action: 'attachment.add', entityType: 'article_attachment', entityId: row!.id, after: auditable(row!) });
  return { attachment: row!, articleSlug: article.slug };
}

export async function removeAttachment(ctx: ActionContext, input: z.infer<typeof removeAttachmentSchema>) {
  const { attachment, article } = await loadAttachment(ctx, input.id);
  await ctx.tx.delete(articleAttachments).where(eq(articleAttachments.id, attachment.id));
  await ctx.audit({ action: 'attachment.remove', entityType: 'article_attachment', entityId: attachment.id, before: auditable(attachment) });
  return { storageKeys: [attachment.storageKey], articleSlug: article.slug };
}

/** Moves one attachment up or down; the article's list is renumbered 0..n-1. */
export async function moveAttachment(ctx: ActionContext, input: z.infer<typeof moveAttachmentSchema>) {
  const { attachment, article } = await loadAttachment(ctx, input.id);
  const siblings = await ctx.tx
    .select({ id: articleAttachments.id })
    .from(articleAttachments)
    .where(eq(articleAttachments.articleId, article.id))
    .orderBy(asc(articleAttachments.sortOrder), asc(articleAttachments.id));
  const order = siblings.map((s) => s.id);
  const from = order.indexOf(attachment.id);
  const to = input.direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= order.length) throw new AppError('invalid', input.direction === 'up' ? '该附件已在最前。' : '该附件已在最后。');
  [order[from], order[to]] = [order[to]!, order[from]!];
  for (const [sortOrder, id] of order.entries()) {
    await ctx.tx.update(articleAttachments).set({ sortOrder }).where(and(eq(articleAttachments.id, id), eq(articleAttachments.articleId, article.id)));
  }
  await ctx.audit({ action: 'attachment.reorder', entityType: 'article_attachment', entityId: attachment.id, after: { articleId: article.id, order } });
  return { articleSlug: article.slug };
}
