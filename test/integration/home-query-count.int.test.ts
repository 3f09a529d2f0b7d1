import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns } from '@/db/schema/columns';
import { seedDatabase } from '@/tasks/seed';
import { GET as homeRoute } from '@/app/(public)/[[...edition]]/route';
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
  const response = await homeRoute(new Request('http://localhost/'), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return { html: await response.text(), queries: [...db.queries] };
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

  it('answers any other path that reaches it with the 404 page, reading only the column navigation', async () => {
    db.queries.length = 0;
    const response = await homeRoute(new Request('http://localhost/no-such-page'), { params: Promise.resolve({ edition: ['no-such-page'] }) });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1>页面不存在</h1>');
    expect(db.queries).toHaveLength(1);
  });
});
