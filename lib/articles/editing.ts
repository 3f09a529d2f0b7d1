import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import type { Database } from '@/db/open';
import { articleRevisions, articles, slugRedirects } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { media } from '@/db/schema/media';
import type { ActionContext } from '@/lib/actions/define-action';
import { hasRecentAuditEntry } from '@/lib/audit/recent';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { renderRichText, richTextToPlain } from '@/lib/news/rich-text';
import { articleSearchColumns } from '@/lib/news/search-index';
import { addRevision, type Article, type ArticleWriteResult, assertVersion, auditable, columnSlugsOf, loadForUpdate, resultOf } from './article-writes';
import { contentFields } from './editable-fields';
import { imageFactsFor } from './images';
import type { ArticleFields, autosaveArticleSchema, restoreRevisionSchema, saveArticleSchema } from './schemas';
import { readSnapshot } from './snapshot-io';
import { canEditArticle, effectiveStatus, statusLabels } from './workflow';

// Writes on an article's content: create, save, autosave, restore. Each runs inside the action's
// transaction, takes the row lock, checks the version the editor loaded, stores a revision for
// every manual save, and records its audit row. Autosave overwrites the current draft without a
// revision.

function assertCanEdit(ctx: ActionContext, article: Article) {
  ctx.authorizeTarget({ ownerId: article.authorId });
  const status = effectiveStatus(article.status, article.publishAt);
  if (!canEditArticle(ctx.user, { status, authorId: article.authorId })) {
    throw new AppError('forbidden', `这篇文章${statusLabels[status]}，只有管理员可以修改。`);
  }
}

async function assertColumn(tx: Database, columnId: number): Promise<string> {
  const [column] = await tx.select({ slug: columns.slug }).from(columns).where(eq(columns.id, columnId));
  if (!column) throw new AppError('invalid', '所选栏目不存在，请重新选择。', 'columnId');
  return column.slug;
}

async function assertCover(tx: Database, coverMediaId: number | null) {
  if (coverMediaId === null) return;
  const [row] = await tx.select({ id: media.id }).from(media).where(eq(media.id, coverMediaId));
  if (!row) throw new AppError('invalid', '所选封面图已被删除，请重新选择。', 'coverMediaId');
}

const slugTaken = () => new AppError('conflict', '该网址别名已被其他文章使用，请换一个。', 'slug');

/** The slug must be free among current slugs and old slugs that redirect to another article. */
async function assertSlugFree(tx: Database, slug: string, articleId: number | null) {
  const [current] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
  if (current && current.id !== articleId) throw slugTaken();
  const [redirect] = await tx.select({ articleId: slugRedirects.articleId }).from(slugRedirects).where(eq(slugRedirects.oldSlug, slug));
  if (redirect && redirect.articleId !== articleId) throw slugTaken();
}

/** Date plus random letters: readable in a URL, unique without a title transliteration. */
export function generateSlug(now = new Date()): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${randomBytes(4).toString('hex')}`;
}

/** The columns a content write sets: the fields as entered, plus what is derived from the body. */
async function contentColumns(tx: Database, fields: ArticleFields) {
  return {
    ...Object.fromEntries(contentFields.map((field) => [field, fields[field]])) as Pick<ArticleFields, (typeof contentFields)[number]>,
    bodyHtml: renderRichText(fields.bodyJson, await imageFactsFor(tx, fields.bodyJson)),
    ...articleSearchColumns({ ...fields, bodyText: richTextToPlain(fields.bodyJson) }),
  };
}

export async function createArticle(ctx: ActionContext, input: ArticleFields): Promise<ArticleWriteResult> {
  const columnSlug = await assertColumn(ctx.tx, input.columnId);
  await assertCover(ctx.tx, input.coverMediaId);
  const slug = input.slug ?? generateSlug();
  await assertSlugFree(ctx.tx, slug, null);
  let row: Article | undefined;
  try {
    [row] = await ctx.tx
      .insert(articles)
      .values({ ...(await contentColumns(ctx.tx, input)), slug, publishAt: input.publishAt, status: 'draft', authorId: ctx.user.id, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
  await addRevision(ctx.tx, row!, 'create', ctx.user.id);
  await ctx.audit({ action: 'article.create', entityType: 'article', entityId: row!.id, after: auditable(row!) });
  return resultOf(null, row!, [columnSlug]);
}

/** Applies the editor's fields to an article the user may edit; the caller records the rest. */
async function applyFields(ctx: ActionContext, input: z.infer<typeof saveArticleSchema>) {
  const before = await loadForUpdate(ctx.tx, input.id);
  assertCanEdit(ctx, before);
  await assertVersion(ctx.tx, before, input.version);
  await assertColumn(ctx.tx, input.columnId);
  await assertCover(ctx.tx, input.coverMediaId);
  const slug = input.slug ?? before.slug;
  const status = effectiveStatus(before.status, before.publishAt);
  if (slug !== before.slug) {
    await assertSlugFree(ctx.tx, slug, before.id);
    // Readers may have the published address: keep it answering with a redirect.
    if (before.publishedAt !== null) {
      await ctx.tx.delete(slugRedirects).where(eq(slugRedirects.oldSlug, slug));
      await ctx.tx.insert(slugRedirects).values({ oldSlug: before.slug, articleId: before.id }).onConflictDoNothing();
    }
  }
  let timing: Partial<Pick<Article, 'status' | 'publishAt' | 'publishedAt'>> = { publishAt: input.publishAt };
  if (status === 'published') {
    // The publish time of a published article is its dateline; it cannot move into the future.
    if (input.publishAt && input.publishAt.getTime() > Date.now()) {
      throw new AppError('invalid', '已发布文章的发布时间不能晚于现在；如需定时发布，请先归档再重新排期。', 'publishAt');
    }
    timing = { status: 'published', publishAt: input.publishAt ?? before.publishedAt, publishedAt: input.publishAt ?? before.publishedAt };
  } else if (status === 'scheduled') {
    if (!input.publishAt) throw new AppError('invalid', '已排期的文章需要发布时间；如需取消排期，请使用“退回修改”。', 'publishAt');
    timing = input.publishAt.getTime() > Date.now() ? { publishAt: input.publishAt, publishedAt: input.publishAt } : { status: 'published', publishAt: input.publishAt, publishedAt: input.publishAt };
  }
  let after: Article | undefined;
  try {
    [after] = await ctx.tx
      .update(articles)
      .set({ ...(await contentColumns(ctx.tx, input)), ...timing, slug, updatedBy: ctx.user.id, version: sql`${articles.version} + 1` })
      .where(eq(articles.id, before.id))
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
  return { before, after: after! };
}

export async function saveArticle(ctx: ActionContext, input: z.infer<typeof saveArticleSchema>): Promise<ArticleWriteResult> {
  const { before, after } = await applyFields(ctx, input);
  // Autosaved text has no revision yet; keep it, so overwriting it (e.g. after a conflict) loses nothing.
  const [kept] = await ctx.tx
    .select({ id: articleRevisions.id })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, before.id), eq(articleRevisions.articleVersion, before.version)))
    .limit(1);
  if (!kept) await addRevision(ctx.tx, before, 'save', before.updatedBy ?? ctx.user.id, '自动保存的内容');
  await addRevision(ctx.tx, after, 'save', ctx.user.id);
  await ctx.audit({ action: 'article.update', entityType: 'article', entityId: after.id, before: auditable(before), after: auditable(after) });
  return resultOf(before, after, await columnSlugsOf(ctx.tx, [before.columnId, after.columnId]));
}

// One audit row per editing stretch, not one per autosave: the trail stays readable.
const AUTOSAVE_AUDIT_EVERY_MS = 10 * 60_000;

export async function autosaveArticle(ctx: ActionContext, input: z.infer<typeof autosaveArticleSchema>): Promise<ArticleWriteResult> {
  const current = await loadForUpdate(ctx.tx, input.id);
  // Only drafts autosave: a published article changes when someone decides to save it.
  if (current.status !== 'draft') throw new AppError('conflict', '只有草稿会自动保存；请点击“保存”保存修改。', undefined, { conflict: 'status' });
  const { before, after } = await applyFields(ctx, input);
  const audited = await hasRecentAuditEntry(ctx.tx, { action: 'article.autosave', entityType: 'article', entityId: after.id, actorId: ctx.user.id, withinMs: AUTOSAVE_AUDIT_EVERY_MS });
  if (!audited) await ctx.audit({ action: 'article.autosave', entityType: 'article', entityId: after.id, before: auditable(before), after: auditable(after) });
  return resultOf(before, after, []);
}

/** Copies an old revision's content back into the article as a new revision; history stays. */
export async function restoreRevision(ctx: ActionContext, input: z.infer<typeof restoreRevisionSchema>): Promise<ArticleWriteResult> {
  const before = await loadForUpdate(ctx.tx, input.id);
  ctx.authorizeTarget({ ownerId: before.authorId });
  await assertVersion(ctx.tx, before, input.version);
  const [revision] = await ctx.tx
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, before.id)));
  if (!revision) throw new AppError('not_found', '要恢复的版本不存在。');
  const snapshot = readSnapshot(revision.snapshot, before);
  const columnExists = (await ctx.tx.select({ id: columns.id }).from(columns).where(eq(columns.id, snapshot.columnId))).length > 0;
  const coverExists = snapshot.coverMediaId === null || (await ctx.tx.select({ id: media.id }).from(media).where(eq(media.id, snapshot.coverMediaId))).length > 0;
  // The slug and the publishing time stay as they are: restoring content must not move the URL.
  const fields: ArticleFields = {
    ...snapshot,
    columnId: columnExists ? snapshot.columnId : before.columnId,
    coverMediaId: coverExists ? snapshot.coverMediaId : null,
    slug: before.slug,
    publishAt: before.publishAt,
  };
  const [after] = await ctx.tx
    .update(articles)
    .set({ ...(await contentColumns(ctx.tx, fields)), updatedBy: ctx.user.id, version: sql`${articles.version} + 1` })
    .where(eq(articles.id, before.id))
    .returning();
  const note = `恢复自 ${formatDateTime(revision.createdAt)} 的版本（第 ${revision.articleVersion} 版）`;
  await addRevision(ctx.tx, after!, 'restore', ctx.user.id, note);
  await ctx.audit({ action: 'article.restore_revision', entityType: 'article', entityId: after!.id, before: auditable(before), after: { ...auditable(after!), revisionId: revision.id } });
  return resultOf(before, after!, await columnSlugsOf(ctx.tx, [before.columnId, after!.columnId]));
}
