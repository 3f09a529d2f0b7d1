import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { seedDatabase } from '@/tasks/seed';
import { DEMO_PASSWORD } from '@/tasks/seed/demo-org';
import { verifyPassword } from '@/lib/auth/password';
import { createTestDatabase, type TestDatabase } from '../db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function countOf(table: PgTable) {
  const [row] = await db.db.select({ n: count() }).from(table);
  return row!.n;
}

describe('seed', () => {
  it('without demo content writes reference data only: no accounts on a production database', async () => {
    expect(await seedDatabase(db.db, { demo: false })).toEqual({ base: true, demo: 'skipped' });
    expect(await countOf(schema.columns)).toBe(6);
    expect(await countOf(schema.developmentRuleSets)).toBe(1);
    expect(await countOf(schema.users)).toBe(0);
    expect(await countOf(schema.articles)).toBe(0);
  });

  it('writes a believable demo', async () => {
    expect(await seedDatabase(db.db, { demo: true })).toEqual({ base: true, demo: 'seeded' });

    const units = await db.db.select({ id: schema.branches.id }).from(schema.branches).where(eq(schema.branches.kind, 'unit_organization'));
    expect(units.length).toBeGreaterThanOrEqual(12);
    for (const unit of units) {
      const children = await db.db.select({ n: count() }).from(schema.branches).where(eq(schema.branches.parentId, unit.id));
      expect(children[0]!.n).toBeGreaterThanOrEqual(2);
      expect(children[0]!.n).toBeLessThanOrEqual(4);
    }

    const published = await db.db.select({ n: count() }).from(schema.articles).where(eq(schema.articles.status, 'published'));
    expect(published[0]!.n).toBeGreaterThanOrEqual(30);
    const perColumn = await db.db
      .select({ columnId: schema.articles.columnId, n: count() })
      .from(schema.articles)
      .groupBy(schema.articles.columnId);
    expect(perColumn).toHaveLength(6);
    expect(await countOf(schema.lecturers)).toBeGreaterThanOrEqual(10);
    expect(await countOf(schema.lectures)).toBeGreaterThanOrEqual(15);
    expect(await countOf(schema.trainees)).toBeGreaterThan(0);
    expect(await countOf(schema.activityRecords)).toBeGreaterThan(50);

    const stages = await db.db.selectDistinct({ stage: schema.developmentRecords.stage }).from(schema.developmentRecords);
    expect(stages.map((s) => s.stage).sort()).toEqual([...schema.developmentStages].sort());
  });

  it('spreads article dates over 2025', async () => {
    const months = await db.db
      .selectDistinct({ month: sql<string>`to_char(${schema.articles.publishedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')` })
      .from(schema.articles)
      .where(eq(schema.articles.status, 'published'));
    expect(months.filter((m) => m.month.startsWith('2025-')).length).toBeGreaterThanOrEqual(10);
  });

  it('creates the four demo accounts with argon2id hashes of the demo password', async () => {
    const accounts = await db.db.select().from(schema.users).orderBy(schema.users.username);
    expect(accounts.map((a) => [a.username, a.role])).toEqual([
      ['admin', 'admin'],
      ['auditor', 'auditor'],
      ['editor', 'editor'],
      ['secretary', 'branch_secretary'],
    ]);
    for (const account of accounts) {
      expect(account.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(account.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(account.passwordHash, 'wrong-password')).toBe(false);
    }
    expect(accounts.find((a) => a.username === 'secretary')!.branchId).not.toBeNull();
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = [await countOf(schema.articles), await countOf(schema.branches), await countOf(schema.users), await countOf(schema.columns)];
    expect(await seedDatabase(db.db, { demo: true })).toEqual({ base: true, demo: 'already-present' });
    const after = [await countOf(schema.articles), await countOf(schema.branches), await countOf(schema.users), await countOf(schema.columns)];
    expect(after).toEqual(before);
  });
});
