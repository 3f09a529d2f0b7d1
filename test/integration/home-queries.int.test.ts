import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '@/db/schema';
import { seedDatabase } from '@/tasks/seed';
import { listHeadlines, listLatestByColumn, listVisibleColumns } from '@/lib/news/queries';
import { createTestDatabase, type TestDatabase } from '../db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.db, { demo: true });
});
afterAll(() => db.close());

describe('home page queries', () => {
  it('list the six columns in order', async () => {
    const columns = await listVisibleColumns();
    expect(columns.map((c) => c.name)).toEqual(['工作动态', '通知公告', '理论学习', '基层风采', '党风廉政', '专题专栏']);
  });

  it('return the latest six published articles of every column in one query', async () => {
    db.queries.length = 0;
    const latest = await listLatestByColumn({ perColumn: 6 });
    expect(db.queries).toHaveLength(1);
    const byColumn = new Map<number, Date[]>();
    for (const item of latest) byColumn.set(item.columnId, [...(byColumn.get(item.columnId) ?? []), item.publishedAt!]);
    expect(byColumn.size).toBe(6);
    for (const dates of byColumn.values()) {
      expect(dates.length).toBeLessThanOrEqual(6);
      expect([...dates].sort((a, b) => b.getTime() - a.getTime())).toEqual(dates);
    }
    expect(latest[0]).not.toHaveProperty('bodyHtml');
  });

  it('never show unpublished articles, however new or pinned', async () => {
    const [column] = await listVisibleColumns();
    for (const status of ['draft', 'in_review', 'scheduled', 'archived'] as const) {
      await db.db.insert(articles).values({
        slug: `hidden-${status.replace('_', '-')}`,
        columnId: column!.id,
        title: `未发布-${status}`,
        bodyJson: { type: 'doc' },
        bodyHtml: '',
        status,
        pinned: true,
        publishAt: status === 'scheduled' ? new Date(Date.now() + 86_400_000) : null,
        updatedAt: new Date(),
      });
    }
    const visible = [...(await listLatestByColumn()), ...(await listHeadlines({ limit: 50 }))];
    expect(visible.filter((a) => a.title.startsWith('未发布'))).toEqual([]);
  });
});
