import type { ArticleStatus } from '@/db/schema/articles';
import { type Action, type Actor, can, scopeOf } from '@/lib/auth/permissions';

// The editorial state machine, free of I/O so it can be tested on its own:
// draft → in_review → published | scheduled → archived, with 退回修改 back to draft.

export type Transition = 'submit' | 'publish' | 'return' | 'archive' | 'unarchive';

export const transitionFrom: Record<Transition, readonly ArticleStatus[]> = {
  submit: ['draft'],
  // Admins may publish their own draft directly, or re-time a scheduled article.
  publish: ['draft', 'in_review', 'scheduled'],
  return: ['in_review', 'scheduled'],
  archive: ['published', 'scheduled'],
  unarchive: ['archived'],
};

export const transitionPermission: Record<Transition, Action> = {
  submit: 'articles.submit',
  publish: 'articles.publish',
  return: 'articles.publish',
  archive: 'articles.publish',
  unarchive: 'articles.publish',
};

export const statusLabels: Record<ArticleStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  scheduled: '已排期',
  published: '已发布',
  archived: '已归档',
};

/** A scheduled article whose time has come is published: nobody has to flip it. */
export function effectiveStatus(status: ArticleStatus, publishAt: Date | null, now = new Date()): ArticleStatus {
  return status === 'scheduled' && publishAt !== null && publishAt.getTime() <= now.getTime() ? 'published' : status;
}

export function canTransition(status: ArticleStatus, transition: Transition): boolean {
  return transitionFrom[transition].includes(status);
}

type Owned = { status: ArticleStatus; authorId: number | null };

/**
 * Who may change an article's content: admins always; editors only their own drafts (once
 * submitted, the text is the reviewer's to judge until it is returned).
 */
export function canEditArticle(actor: Actor, article: Owned): boolean {
  if (!can(actor, 'articles.write', { ownerId: article.authorId })) return false;
  return scopeOf(actor.role, 'articles.write') === 'any' || article.status === 'draft';
}

export function canDoTransition(actor: Actor, article: Owned, transition: Transition): boolean {
  return canTransition(article.status, transition) && can(actor, transitionPermission[transition], { ownerId: article.authorId });
}

export const revisionEventLabels: Record<string, string> = {
  create: '创建',
  save: '保存',
  submit: '提交审核',
  publish: '发布',
  schedule: '排期',
  return: '退回修改',
  archive: '归档',
  unarchive: '恢复为草稿',
  restore: '恢复版本',
};
