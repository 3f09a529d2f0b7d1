import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { auditLog } from '@/db/schema/audit';
import { type ArticleStatus, articleRevisions, articles, columns, media, type RevisionEvent, slugRedirects } from '@/db/schema/news';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { renderRichText, richTextToPlain } from '@/lib/news/rich-text';
import { articleSearchColumns } from '@/lib/news/search-index';
import { isBlankDoc } from './body';
import { imageFactsFor } from './images';
import type { ArticleFields, autosaveArticleSchema, publishSchema, restoreRevisionSchema, returnSchema, saveArticleSchema, transitionSchema } from './schemas';
import { readSnapshot, snapshotOf } from './snapshot-io';
import { canEditArticle, canTransition, effectiveStatus, statusLabels, type Transition } from './workflow';

// Writes on articles. Each runs inside the action's transaction, takes the row lock, checks the
// version the editor loaded, stores a revision for every manual save and state change, and
// records its audit row. Autosave overwrites the current draft without a revision.

type Article = typeof articles.$inferSelect;

/** What a successful write reports back: enough to revalidate the public pages it touched. */
export type ArticleWriteResult = {
  id: number;
  slug: string;
  version: number;
  status: ArticleStatus;
  /** Slugs whose public pages may have changed (old and new on a rename). */
  articleSlugs: string[];
  columnSlugs: string[];
  /** True when the change can be seen by the public (now or when it was visible before). */
  public: boolean;
};

const auditable = (a: Article) => ({
  title: a.title,
  slug: a.slug,
  status: a.status,
  columnId: a.columnId,
  pinned: a.pinned,
  publishAt: a.publishAt?.toISOString() ?? null,
  version: a.version,
});

async function loadForUpdate(tx: Database, id: number): Promise<Article> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, id)).for('update');
  if (!row) throw new AppError('not_found', '这篇文章不存在或已被删除。');
  return row;
}

/** A stale save is refused, naming who saved in between; the form keeps the user's text. */
async function assertVersion(tx: Database, article: Article, version: number) {
  if (article.version === version) return;
  const [editor] = article.updatedBy ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, article.updatedBy)) : [];
  const who = editor?.name ?? '其他人';
  throw new AppError(
    'conflict',
    `保存未成功：${who}在 ${formatDateTime(article.updatedAt)} 修改了这篇文章（您打开的是第 ${version} 版，现在是第 ${article.version} 版）。您编辑的内容仍保留在页面上，请先查看对方的修改，再决定如何合并。`,
    undefined,
    { conflict: 'version', currentVersion: String(article.version), loadedVersion: String(version), changedBy: who },
  );
}

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

async function contentColumns(tx: Database, fields: ArticleFields) {
  return {
    title: fields.title,
    kicker: fields.kicker,
    subtitle: fields.subtitle,
    byline: fields.byline,
    source: fields.source,
    summary: fields.summary,
    columnId: fields.columnId,
    coverMediaId: fields.coverMediaId,
    videoUrl: fields.videoUrl,
    pinned: fields.pinned,
    bodyJson: fields.bodyJson,
    bodyHtml: renderRichText(fields.bodyJson, await imageFactsFor(tx, fields.bodyJson)),
    ...articleSearchColumns({ ...fields, bodyText: richTextToPlain(fields.bodyJson) }),
  };
}

async function addRevision(tx: Database, article: Article, event: RevisionEvent, authorId: number, note: string | null = null) {
  await tx.insert(articleRevisions).values({ articleId: article.id, articleVersion: article.version, status: article.status, event, snapshot: snapshotOf(article), note, authorId });
}

const isVisible = (a: Pick<Article, 'status' | 'publishAt'>) => effectiveStatus(a.status, a.publishAt) === 'published';

function resultOf(before: Article | null, after: Article, columnSlugs: string[]): ArticleWriteResult {
  return {
    id: after.id,
    slug: after.slug,
    version: after.version,
    status: after.status,
    articleSlugs: [...new Set([before?.slug, after.slug].filter((s): s is string => !!s))],
    columnSlugs: [...new Set(columnSlugs)],
    public: (before !== null && isVisible(before)) || isVisible(after),
  };
}

async function columnSlugsOf(tx: Database, ids: number[]): Promise<string[]> {
  const rows = await Promise.all([...new Set(ids)].map((id) => tx.select({ slug: columns.slug }).from(columns).where(eq(columns.id, id))));
  return rows.flat().map((r) => r.slug);
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
  const [recent] = await ctx.tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'article'),
        eq(auditLog.entityId, String(after.id)),
        eq(auditLog.action, 'article.autosave'),
        eq(auditLog.actorId, ctx.user.id),
        gt(auditLog.at, new Date(Date.now() - AUTOSAVE_AUDIT_EVERY_MS)),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (!recent) await ctx.audit({ action: 'article.autosave', entityType: 'article', entityId: after.id, before: auditable(before), after: auditable(after) });
  return resultOf(before, after, []);
}

const transitionAudit: Record<Transition, string> = {
  submit: 'article.submit',
  publish: 'article.publish',
  return: 'article.return',
  archive: 'article.archive',
  unarchive: 'article.unarchive',
};

async function transition(
  ctx: ActionContext,
  input: z.infer<typeof transitionSchema>,
  name: Transition,
  change: (before: Article) => { set: Partial<Article>; event: RevisionEvent; note?: string | null },
): Promise<ArticleWriteResult> {
  const before = await loadForUpdate(ctx.tx, input.id);
  ctx.authorizeTarget({ ownerId: before.authorId });
  await assertVersion(ctx.tx, before, input.version);
  const status = effectiveStatus(before.status, before.publishAt);
  if (!canTransition(status, name)) {
    throw new AppError('conflict', `这篇文章现在是“${statusLabels[status]}”，不能执行此操作。请刷新页面查看最新状态。`);
  }
  if (name === 'submit' && isBlankDoc(before.bodyJson)) throw new AppError('invalid', '正文为空，不能提交审核。', 'bodyJson');
  const { set, event, note = null } = change({ ...before, status });
  const [after] = await ctx.tx
    .update(articles)
    .set({ ...set, updatedBy: ctx.user.id, version: sql`${articles.version} + 1` })
    .where(eq(articles.id, before.id))
    .returning();
  await addRevision(ctx.tx, after!, event, ctx.user.id, note);
  await ctx.audit({ action: transitionAudit[name], entityType: 'article', entityId: after!.id, before: auditable(before), after: { ...auditable(after!), ...(note ? { comment: note } : {}) } });
  return resultOf(before, after!, await columnSlugsOf(ctx.tx, [after!.columnId]));
}

export const submitArticle = (ctx: ActionContext, input: z.infer<typeof transitionSchema>) =>
  transition(ctx, input, 'submit', () => ({ set: { status: 'in_review', reviewComment: null }, event: 'submit' }));

/** Publishes now, or schedules when the article's publish time lies ahead. */
export const publishArticle = (ctx: ActionContext, input: z.infer<typeof publishSchema>) =>
  transition(ctx, input, 'publish', (before) => {
    const now = new Date();
    if (before.publishAt && before.publishAt.getTime() > now.getTime()) {
      // published_at equals the planned time, so the dateline is the moment readers first see it.
      return { set: { status: 'scheduled', publishedAt: before.publishAt, reviewComment: null }, event: 'schedule' };
    }
    return { set: { status: 'published', publishAt: before.publishAt ?? now, publishedAt: before.publishAt ?? now, reviewComment: null }, event: 'publish' };
  });

export const returnArticle = (ctx: ActionContext, input: z.infer<typeof returnSchema>) =>
  transition(ctx, input, 'return', (before) => ({
    // A scheduled article taken back never appeared: it loses its dateline with its schedule.
    set: { status: 'draft', reviewComment: input.comment, ...(before.status === 'scheduled' ? { publishedAt: null } : {}) },
    event: 'return',
    note: input.comment,
  }));

export const archiveArticle = (ctx: ActionContext, input: z.infer<typeof transitionSchema>) =>
  transition(ctx, input, 'archive', () => ({ set: { status: 'archived', pinned: false }, event: 'archive' }));

export const unarchiveArticle = (ctx: ActionContext, input: z.infer<typeof transitionSchema>) =>
  transition(ctx, input, 'unarchive', () => ({ set: { status: 'draft' }, event: 'unarchive' }));

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
