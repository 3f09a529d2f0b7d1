import { and, count, eq, inArray, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { seedDatabase } from '@/tasks/seed';
import { listColumnArticles } from '@/lib/news/queries';
import { createTestDatabase, type TestDatabase } from '../db';
import { allArticles, columnIdOf, hoursFromNow, insertArticle, isPublic, newestFirst } from './news-fixtures';

// A column's pages as a reader walks them: newest first, nothing twice, nothing skipped.

let db: TestDatabase;
let tiedColumnId: number;
const tiedAt = new Date('2025-07-01T02:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.db, { demo: true });
  // Seven visible articles published at the same instant (a batch import), plus hidden ones.
  const [column] = await db.db.insert(columns).values({ slug: 'batch-import', name: '批量导入', sortOrder: 9 }).returning();
  tiedColumnId = column!.id;
  for (let i = 1; i <= 7; i++) {
    await insertArticle(db.db, { slug: `batch-${i}`, columnId: tiedColumnId, title: `批量导入第${i}篇`, publishedAt: tiedAt });
  }
  await insertArticle(db.db, { slug: 'batch-draft', columnId: tiedColumnId, title: '批量导入草稿', status: 'draft', publishedAt: tiedAt });
  await insertArticle(db.db, { slug: 'batch-later', columnId: tiedColumnId, title: '批量导入定时', status: 'scheduled', publishedAt: hoursFromNow(5) });
});
afterAll(() => db.close());

async function walk(columnId: number, pageSize: number) {
  const first = await listColumnArticles({ columnId, page: 1, pageSize });
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page++) pages.push(await listColumnArticles({ columnId, page, pageSize }));
  return pages;
}

async function directCount(columnId: number) {
  const [row] = await db.db
    .select({ n: count() })
    .from(articles)
    .where(and(eq(articles.columnId, columnId), inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, sql`now()`)));
  return row!.n;
}

describe('column pages of three', () => {
  it.each(['work-news', 'notices', 'theory-study', 'branch-showcase', 'integrity', 'special-topics'])(
    '%s: pages cover the column newest first, the last page holds the remainder',
    async (slug) => {
      const columnId = await columnIdOf(db.db, slug);
      const total = await directCount(columnId);
      expect(total).toBeGreaterThan(3);
      const pages = await walk(columnId, 3);
      expect(pages).toHaveLength(Math.ceil(total / 3));
      for (const page of pages) expect(page).toMatchObject({ total, pageCount: Math.ceil(total / 3), pageSize: 3 });
      expect(pages.slice(0, -1).every((p) => p.items.length === 3)).toBe(true);
      expect(pages.at(-1)!.items).toHaveLength(total - 3 * (pages.length - 1));
      const expected = (await allArticles(db.db)).filter((a) => a.columnId === columnId && isPublic(a)).sort(newestFirst);
      expect(pages.flatMap((p) => p.items.map((a) => a.slug))).toEqual(expected.map((a) => a.slug));
    },
  );

  it('articles published at the same instant are neither repeated nor skipped across pages', async () => {
    const pages = await walk(tiedColumnId, 3);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    const slugs = pages.flatMap((p) => p.items.map((a) => a.slug));
    expect(new Set(slugs).size).toBe(7);
    expect(slugs.sort()).toEqual(['batch-1', 'batch-2', 'batch-3', 'batch-4', 'batch-5', 'batch-6', 'batch-7']);
    expect(pages[0]!.total).toBe(await directCount(tiedColumnId));
  });

  it('a page beyond the end has no items but still the right total and page count', async () => {
    const beyond = await listColumnArticles({ columnId: tiedColumnId, page: 4, pageSize: 3 });
    expect(beyond).toMatchObject({ items: [], total: 7, page: 4, pageCount: 3 });
    const far = await listColumnArticles({ columnId: tiedColumnId, page: 1000, pageSize: 3 });
    expect(far).toMatchObject({ items: [], total: 7, pageCount: 3 });
  });

  it('an empty column has one empty page', async () => {
    const [column] = await db.db.insert(columns).values({ slug: 'empty-column', name: '空栏目', sortOrder: 10 }).returning();
    expect(await listColumnArticles({ columnId: column!.id, page: 1, pageSize: 3 })).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });
});
