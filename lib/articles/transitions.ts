import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { articles, type RevisionEvent } from '@/db/schema/articles';
import type { ActionContext } from '@/lib/actions/define-action';
import type { AuditActionOn } from '@/lib/audit/vocabulary';
import { AppError } from '@/lib/errors';
import { addRevision, type Article, type ArticleWriteResult, assertVersion, auditable, columnSlugsOf, loadForUpdate, resultOf } from './article-writes';
import { isBlankDoc } from './body';
import type { publishSchema, returnSchema, transitionSchema } from './schemas';
import { canTransition, effectiveStatus, statusLabels, type Transition } from './workflow';

// The review workflow's steps: submit, publish (or schedule), return, archive, unarchive. Each
// checks the step is allowed from the article's current state, changes the state, stores a
// revision and records its audit row, inside the action's transaction.

const transitionAudit: Record<Transition, AuditActionOn<'article'>> = {
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
