import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns } from '@/db/schema/columns';
import { seedDatabase } from '@/tasks/seed';
import HomePage from '@/app/(public)/[[...edition]]/page';
import { createTestDatabase, type TestDatabase } from '../db';
import { DAY, hoursFromNow, insertArticle } from './news-fixtures';

// The home page must cost a fixed number of queries however many columns and articles exist:
// one per list, never one per column or per article (N+1).

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.db, { demo: true });
});
afterAll(() => db.close());

/** Renders the home page, returning its HTML and the SQL it ran. */
async function renderHome() {
  db.queries.length = 0;
  const element = await HomePage({ params: Promise.resolve({}) });
  const html = renderToStaticMarkup(element);
  return { html, queries: [...db.queries] };
}

describe('home page', () => {
  it('shows every column with its latest articles in four queries', async () => {
    // Headlines, columns, the latest of every column (one windowed query), showcase lectures.
    const { html, queries } = await renderHome();
    expect(queries).toHaveLength(4);
    for (const name of ['工作动态', '通知公告', '理论学习', '基层风采', '党风廉政', '专题专栏']) expect(html).toContain(`>${name}</h2>`);
  });

  it('runs the same queries after 30 more articles and another column (no N+1)', async () => {
    const { queries: baseline } = await renderHome();
    const [column] = await db.db.insert(columns).values({ slug: 'party-history', name: '党史天地', sortOrder: 7 }).returning();
    const seeded = await db.db.select({ id: columns.id }).from(columns);
    for (let i = 0; i < 30; i++) {
      await insertArticle(db.db, {
        slug: `extra-home-${i}`,
        columnId: i % 2 === 0 ? column!.id : seeded[i % seeded.length]!.id,
        title: `首页新增文章第${i + 1}篇`,
        pinned: i < 2,
        publishedAt: new Date(hoursFromNow(-1).getTime() - i * DAY),
      });
    }
    const { html, queries } = await renderHome();
    expect(queries).toHaveLength(baseline.length);
    expect([...queries].sort()).toEqual([...baseline].sort());
    expect(html).toContain('>党史天地</h2>');
    expect(html).toContain('首页新增文章第1篇');
  });

  it('answers any other path that reaches it with a 404 before touching the database', async () => {
    db.queries.length = 0;
    const failure = await HomePage({ params: Promise.resolve({ edition: ['no-such-page'] }) }).then(
      () => null,
      (error: unknown) => error,
    );
    expect((failure as { digest?: string } | null)?.digest).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    expect(db.queries).toEqual([]);
  });
});
