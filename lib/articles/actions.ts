'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { revalidatePublicNews } from '@/lib/news/revalidate';
import type { ArticleWriteResult } from './article-writes';
import { autosaveArticle, createArticle, restoreRevision, saveArticle } from './editing';
import { autosaveArticleSchema, createArticleSchema, publishSchema, restoreRevisionSchema, returnSchema, saveArticleSchema, transitionSchema } from './schemas';
import { archiveArticle, publishArticle, returnArticle, submitArticle, unarchiveArticle } from './transitions';

/** Admin lists always; the public pages only when readers could see the article before or after. */
function revalidateArticle(_input: unknown, result: ArticleWriteResult) {
  revalidatePath('/admin/articles', 'layout');
  if (result.public) revalidatePublicNews({ articleSlugs: result.articleSlugs, columnSlugs: result.columnSlugs });
}

const versionData = (r: ArticleWriteResult) => ({ version: String(r.version), status: r.status, slug: r.slug });

export const createArticleAction = defineAction({
  permission: 'articles.write',
  schema: createArticleSchema,
  run: createArticle,
  revalidate: revalidateArticle,
  redirectTo: (_input, r) => `/admin/articles/${r.id}?created=1`,
});

export const saveArticleAction = defineAction({
  permission: 'articles.write',
  schema: saveArticleSchema,
  run: saveArticle,
  revalidate: revalidateArticle,
  successMessage: (r) => (r.status === 'published' ? '已保存，公开页面已更新。' : '已保存。'),
  successData: versionData,
});

export const autosaveArticleAction = defineAction({
  permission: 'articles.write',
  schema: autosaveArticleSchema,
  run: autosaveArticle,
  revalidate: (_input, r) => revalidatePath(`/admin/articles/${r.id}/preview`),
  successMessage: '已自动保存。',
  successData: versionData,
});

export const submitArticleAction = defineAction({
  permission: 'articles.submit',
  schema: transitionSchema,
  run: submitArticle,
  revalidate: revalidateArticle,
  successMessage: '已提交审核。',
  successData: versionData,
});

export const publishArticleAction = defineAction({
  permission: 'articles.publish',
  schema: publishSchema,
  run: publishArticle,
  revalidate: revalidateArticle,
  successMessage: (r) => (r.status === 'scheduled' ? '已排期，到发布时间后自动公开。' : '已发布。'),
  successData: versionData,
});

export const returnArticleAction = defineAction({
  permission: 'articles.publish',
  schema: returnSchema,
  run: returnArticle,
  revalidate: revalidateArticle,
  successMessage: '已退回修改，作者会看到您的意见。',
  successData: versionData,
});

export const archiveArticleAction = defineAction({
  permission: 'articles.publish',
  schema: transitionSchema,
  run: archiveArticle,
  revalidate: revalidateArticle,
  successMessage: '已归档，公众不再能看到这篇文章。',
  successData: versionData,
});

export const unarchiveArticleAction = defineAction({
  permission: 'articles.publish',
  schema: transitionSchema,
  run: unarchiveArticle,
  revalidate: revalidateArticle,
  successMessage: '已恢复为草稿。',
  successData: versionData,
});

export const restoreRevisionAction = defineAction({
  permission: 'articles.publish',
  schema: restoreRevisionSchema,
  run: restoreRevision,
  revalidate: revalidateArticle,
  redirectTo: (_input, r) => `/admin/articles/${r.id}?restored=1`,
});
