import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { articleRevisions, articles, type ArticleStatus } from '@/db/schema/articles';
import { snapshotOf } from '@/lib/articles/snapshot-io';
import { columnIdOf, insertArticle, paragraphs } from './news-fixtures';

// Articles in a given state, owned by a given account, with the revision the editor would have
// left: what the workflow tests and the permission matrix start from.

let made = 0;

export async function articleIn(db: Database, { status, authorId, publishAt = null, title }: { status: ArticleStatus; authorId: number; publishAt?: Date | null; title?: string }) {
  const n = ++made;
  const published = status === 'published' || status === 'archived' ? new Date(Date.now() - 3_600_000) : status === 'scheduled' ? publishAt : null;
  const row = await insertArticle(db, {
    slug: `fixture-${status.replace('_', '-')}-${n}-${Date.now().toString(36)}`,
    columnId: await columnIdOf(db, 'work-news'),
    title: title ?? `测试文章${n}（${status}）`,
    body: [`第${n}篇测试文章的正文，讲述机关党建工作。`],
    status,
    publishedAt: published,
    publishAt: publishAt ?? published,
  });
  const [owned] = await db.update(articles).set({ authorId, createdBy: authorId, updatedBy: authorId }).where(eq(articles.id, row.id)).returning();
  await db.insert(articleRevisions).values({ articleId: row.id, articleVersion: owned!.version, status, event: 'create', snapshot: snapshotOf(owned!), authorId });
  return owned!;
}

export async function articleById(db: Database, id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  return row!;
}

export const revisionsOf = (db: Database, articleId: number) => db.select().from(articleRevisions).where(eq(articleRevisions.articleId, articleId)).orderBy(articleRevisions.id);

export const docJson = (...texts: string[]) => JSON.stringify(paragraphs(...texts));

/** The editor form for `article`, with `changes` applied. */
export function editorForm(article: typeof articles.$inferSelect, changes: Record<string, string | number> = {}) {
  return {
    id: article.id,
    version: article.version,
    title: article.title,
    kicker: article.kicker ?? '',
    subtitle: article.subtitle ?? '',
    byline: article.byline ?? '',
    source: article.source ?? '',
    summary: article.summary ?? '',
    columnId: article.columnId,
    slug: article.slug,
    coverMediaId: article.coverMediaId ?? '',
    videoUrl: article.videoUrl ?? '',
    publishAt: '',
    bodyJson: JSON.stringify(article.bodyJson),
    ...changes,
  };
}
