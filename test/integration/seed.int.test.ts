import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { seedDatabase } from '@/tasks/seed';
import { DEMO_PASSWORD } from '@/tasks/seed/demo-org';
import { verifyPassword } from '@/lib/auth/password';
import { selectRows } from '@/db/rows';
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
    expect(await countOf(schema.trainingRuleSets)).toBe(1);
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
    // 2026 training is recorded by sessions and attendance; hours come from the attendance trigger:
    // the rotation round's five days and the development targets' three-day concentrated training.
    const sessions = await selectRows<{ kind: string; n: number }>(
      db.db,
      sql`select r.kind, count(*)::int as n from training_sessions s join training_rounds r on r.id = s.round_id group by r.kind order by r.kind`,
    );
    expect(sessions).toEqual([
      { kind: 'concentrated', n: 3 },
      { kind: 'rotation', n: 5 },
    ]);
    const [hours] = await selectRows<{ completed: number; short: number }>(
      db.db,
      sql`select count(*) filter (where t.completed)::int as completed, count(*) filter (where not t.completed)::int as short
          from trainees t join training_rounds r on r.id = t.round_id where r.kind = 'rotation' and r.starts_on >= '2026-01-01' and t.attended_hours >= 0`,
    );
    expect(hours!.short).toBe(1);
    expect(hours!.completed).toBeGreaterThan(50);
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

  it('creates the five demo accounts with argon2id hashes of the demo password', async () => {
    const accounts = await db.db.select().from(schema.users).orderBy(schema.users.username);
    expect(accounts.map((a) => [a.username, a.role])).toEqual([
      ['admin', 'admin'],
      ['auditor', 'auditor'],
      ['editor', 'editor'],
      ['secretary', 'branch_secretary'],
      ['secretary2', 'branch_secretary'],
    ]);
    for (const account of accounts) {
      expect(account.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(account.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(account.passwordHash, 'wrong-password')).toBe(false);
    }
    expect(accounts.find((a) => a.username === 'secretary')!.branchId).not.toBeNull();
  });

  it('names one secretary for the demo branch: the account, its person and the committee position', async () => {
    const rows = await selectRows<{ display_name: string; name: string; position: string; code: string }>(db.db, sql`
      select u.display_name, p.name, c.position, b.code
      from users u join people p on p.user_id = u.id
      join committee_positions c on c.person_id = p.id
      join branches b on b.id = c.branch_id
      where u.username in ('secretary', 'secretary2') order by u.username`);
    expect(rows.map((r) => [r.code, r.position, r.display_name.endsWith(r.name)])).toEqual([
      ['U01-B1', 'secretary', true],
      ['U02', 'secretary', true],
    ]);
    const [others] = await selectRows<{ n: number }>(
      db.db,
      sql`
        select count(*)::int as n from committee_positions c join branches b on b.id = c.branch_id
        where b.code = 'U01-B1' and c.position = 'secretary'`,
    );
    expect(others!.n).toBe(1);
  });

  it('keeps every submitted record with its first version, attendance by person, and review marks for reviewed ones', async () => {
    const [row] = await selectRows<{ unversioned: number; unmarked: number; drafts: number; groupMeetingsOffGroups: number }>(
      db.db,
      sql`
        select
          (select count(*)::int from activity_records r where r.status <> 'draft'
             and not exists (select 1 from activity_record_versions v where v.record_id = r.id and v.revision = 1)) as unversioned,
          (select count(*)::int from activity_records r where r.status in ('reviewed', 'flagged')
             and not exists (select 1 from review_marks m where m.entity_type = 'activity_record' and m.entity_id = r.id)) as unmarked,
          (select count(*)::int from activity_records where status = 'draft') as drafts,
          (select count(*)::int from activity_records r join branches b on b.id = r.branch_id
             where r.kind = 'group_meeting' and b.kind <> 'party_group') as "groupMeetingsOffGroups"`,
    );
    expect(row).toEqual({ unversioned: 0, unmarked: 0, drafts: 1, groupMeetingsOffGroups: 0 });
    expect(await countOf(schema.branchRuleSets)).toBe(1);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = [await countOf(schema.articles), await countOf(schema.branches), await countOf(schema.users), await countOf(schema.columns)];
    expect(await seedDatabase(db.db, { demo: true })).toEqual({ base: true, demo: 'already-present' });
    const after = [await countOf(schema.articles), await countOf(schema.branches), await countOf(schema.users), await countOf(schema.columns)];
    expect(after).toEqual(before);
  });
});
