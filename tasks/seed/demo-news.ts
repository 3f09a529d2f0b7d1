import { renderRichText, richTextToPlain } from '@/lib/news/rich-text';
import { snapshotOf } from '@/lib/articles/snapshot-io';
import { articleSearchColumns } from '@/lib/news/search-index';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { articleRevisions, articles, slugRedirects } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { seedArticles } from './content/articles';
import { blocksToDoc } from './rich-text';

export async function seedArticlesFor(db: Database, users: Map<string, number>) {
  const columnRows = await db.select({ id: columns.id, slug: columns.slug }).from(columns);
  const columnIds = new Map(columnRows.map((c) => [c.slug, c.id]));
  const authorId = users.get('editor') ?? null;
  for (const article of seedArticles) {
    const columnId = columnIds.get(article.column);
    if (!columnId) throw new Error(`Seed article ${article.slug} names unknown column ${article.column}`);
    const bodyJson = blocksToDoc(article.body);
    const publishedAt = new Date(article.publishedAt);
    const { column: _column, body: _body, publishedAt: _at, ...fields } = article;
    const [row] = await db
      .insert(articles)
      .values({
        ...fields,
        columnId,
        bodyJson,
        bodyHtml: renderRichText(bodyJson),
        status: 'published',
        publishAt: publishedAt,
        publishedAt,
        authorId,
        createdBy: authorId,
        createdAt: publishedAt,
        updatedAt: publishedAt,
        ...articleSearchColumns({ ...article, bodyText: richTextToPlain(bodyJson) }),
      })
      .returning();
    await db.insert(articleRevisions).values({
      articleId: row!.id,
      articleVersion: 1,
      status: 'published',
      event: 'publish',
      snapshot: snapshotOf(row!),
      note: '初始导入',
      authorId,
      createdAt: publishedAt,
    });
  }
  // The year-review newscast was first published under a shorter address; links to it still work.
  const [renamed] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, '2025-12-digital-newscast-year-review'));
  if (renamed) await db.insert(slugRedirects).values({ oldSlug: '2025-year-review', articleId: renamed.id });

  // One draft and one submitted article, so the editorial queue is not empty in the demo.
  const [first] = await db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'work-news'));
  for (const [slug, title, status] of [
    ['draft-youth-study-plan-2026', '机关青年理论学习小组2026年度学习计划（草稿）', 'draft'],
    ['review-winter-care-visits-2026', '冬季走访慰问困难党员工作安排', 'in_review'],
  ] as const) {
    const bodyJson = blocksToDoc([{ p: `${title}正文待完善。` }]);
    const [row] = await db.insert(articles).values({
      slug,
      columnId: first!.id,
      title,
      bodyJson,
      bodyHtml: renderRichText(bodyJson),
      status,
      authorId,
      createdBy: authorId,
      ...articleSearchColumns({ title, bodyText: richTextToPlain(bodyJson) }),
    }).returning();
    await db.insert(articleRevisions).values({ articleId: row!.id, articleVersion: 1, status, event: status === 'draft' ? 'create' : 'submit', snapshot: snapshotOf(row!), authorId });
  }
}
