import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { type ArticleStatus, articleRevisions, articles, type RevisionEvent } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { auditedFields } from './editable-fields';
import { pickSnapshot, snapshotOf } from './snapshot-io';
import { effectiveStatus } from './workflow';

// What every write on an article shares, whether it edits the text (editing.ts) or moves the
// article through review (transitions.ts): the row lock, the version check, the revision, the
// audit snapshot and the result that tells the action which pages to revalidate.

export type Article = typeof articles.$inferSelect;

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

/** The article as its audit rows record it. */
export const auditable = (a: Article) => ({ ...pickSnapshot(a, auditedFields), status: a.status, version: a.version });

export async function loadForUpdate(tx: Database, id: number): Promise<Article> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, id)).for('update');
  if (!row) throw new AppError('not_found', '这篇文章不存在或已被删除。');
  return row;
}

/** A stale save is refused, naming who saved in between; the form keeps the user's text. */
export async function assertVersion(tx: Database, article: Article, version: number) {
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

export async function addRevision(tx: Database, article: Article, event: RevisionEvent, authorId: number, note: string | null = null) {
  await tx.insert(articleRevisions).values({ articleId: article.id, articleVersion: article.version, status: article.status, event, snapshot: snapshotOf(article), note, authorId });
}

const isVisible = (a: Pick<Article, 'status' | 'publishAt'>) => effectiveStatus(a.status, a.publishAt) === 'published';

export function resultOf(before: Article | null, after: Article, columnSlugs: string[]): ArticleWriteResult {
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

export async function columnSlugsOf(tx: Database, ids: number[]): Promise<string[]> {
  const rows = await Promise.all([...new Set(ids)].map((id) => tx.select({ slug: columns.slug }).from(columns).where(eq(columns.id, id))));
  return rows.flat().map((r) => r.slug);
}
