import './setup/request-mocks';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/sessions';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { findingsOfRecord, openFindings, overduePerUnit } from '@/lib/reviews/queries';
import { reviewQueue } from '@/lib/reviews/queue';
import { AppError } from '@/lib/errors';
import { branchIdOf, signedIn } from './auth-fixtures';
import { branchRow } from './branches-fixtures';
import { submittedIn } from './records-fixtures';
import { findingIn, inDays } from './reviews-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The review's reads on the seeded demo: the queue (oldest first, filters, keyset pages, scope,
// capped counts), a record's findings, a secretary's open findings, and overdue per unit by
// the day raised, at the boundary (due today is not overdue).

const db = withDemoDatabase();
const users = {} as Record<'admin' | 'editor' | 'secretary' | 'secretary2' | 'auditor', SessionUser>;
beforeAll(async () => {
  for (const name of ['admin', 'editor', 'secretary', 'secretary2', 'auditor'] as const) users[name] = await signedIn(db.db, name);
});

describe('the queue', () => {
  it('lists submitted unreviewed records oldest meeting first, in keyset pages', async () => {
    const all = await reviewQueue(users.auditor, { pageSize: 500 });
    expect(all.items.length).toBeGreaterThan(3);
    const days = all.items.map((r) => r.heldOn);
    expect([...days].sort()).toEqual(days);
    const first = await reviewQueue(users.auditor, { pageSize: 2 });
    const second = await reviewQueue(users.auditor, { pageSize: 2, cursor: first.next! });
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(all.items.slice(0, 4).map((r) => r.id));
    expect(first.isFirst).toBe(true);
  });

  it('narrows by node, kind, period and late entry, and counts per status under the same filters', async () => {
    const old = await submittedIn(db.db, 'U01-B2', { heldOn: '2024-03-05', kind: 'party_lecture', topic: '两年前的党课' });
    const byNode = await reviewQueue(users.auditor, { node: await branchIdOf(db.db, 'U01-B2'), kind: 'party_lecture', year: 2024, quarter: 1, pageSize: 50 });
    expect(byNode.items.map((r) => r.id)).toEqual([old.id]);
    expect(byNode.counts.submitted).toEqual({ total: 1, capped: false });
    // Submitted 2026-11-11 for a meeting of 2024: late (补录) by the demo's 30-day rule.
    const late = await reviewQueue(users.auditor, { late: true, pageSize: 500 });
    expect(late.items.find((r) => r.id === old.id)?.lateDays).toBeGreaterThan(30);
    expect(late.items.every((r) => r.lateDays !== null)).toBe(true);
  });

  it('keeps a secretary inside their subtree, admins read, editors are refused', async () => {
    const own = await branchIdOf(db.db, 'U01-B1');
    const other = await submittedIn(db.db, 'U02-B1');
    const queue = await reviewQueue(users.secretary, { pageSize: 500 });
    expect(queue.items.some((r) => r.id === other.id)).toBe(false);
    const ownOnly = await reviewQueue(users.secretary, { node: await branchIdOf(db.db, 'U02-B1'), pageSize: 50 });
    expect(ownOnly.items).toEqual([]);
    expect(users.secretary.branchScope).toContain(own);
    expect((await reviewQueue(users.admin, { pageSize: 500 })).items.some((r) => r.id === other.id)).toBe(true);
    await expect(reviewQueue(users.editor, {})).rejects.toBeInstanceOf(AppError);
  });
});

describe('findings', () => {
  it('of a record, with every step, readable by the branch and refused to another branch', async () => {
    const { record, finding } = await findingIn(db.db, 'U01-B1');
    const found = await findingsOfRecord(users.secretary, record);
    expect(found).toEqual([expect.objectContaining({ id: finding.id, state: 'open', overdue: false, steps: [expect.objectContaining({ kind: 'raise', actorName: '督查室 赵敏' })] })]);
    await expect(findingsOfRecord(users.secretary2, record)).rejects.toMatchObject({ status: 403 });
    expect(await findingsOfRecord(users.admin, record)).toHaveLength(1);
  });

  it('open ones of a secretary’s subtree, earliest due first, closed ones left out', async () => {
    const mine = await findingIn(db.db, 'U01-B1', { dueOn: inDays(2) });
    const closed = await findingIn(db.db, 'U01-B1', { state: 'closed' });
    const theirs = await findingIn(db.db, 'U02-B1');
    const list = await openFindings(users.secretary);
    const ids = list.map((f) => f.id);
    expect(ids).toContain(mine.finding.id);
    expect(ids).not.toContain(closed.finding.id);
    expect(ids).not.toContain(theirs.finding.id);
    expect([...list.map((f) => f.dueOn)].sort()).toEqual(list.map((f) => f.dueOn));
    expect((await openFindings(users.auditor, { state: 'answered' })).every((f) => f.state === 'answered')).toBe(true);
  });

  it('overdue at the boundary: due today is not overdue, due yesterday is; per unit by the day raised', async () => {
    const today = todayInBeijing();
    const dueToday = await findingIn(db.db, 'U04-B1', { dueOn: today });
    const dueYesterday = await findingIn(db.db, 'U04-B1', { dueOn: addDays(today, -1) });
    await findingIn(db.db, 'U04-B1', { state: 'closed', dueOn: addDays(today, -5) });
    // Raised last year, still open and overdue: outside this year's figures.
    await findingIn(db.db, 'U04-B1', { dueOn: '2025-01-31', raisedOn: '2025-01-01' });
    const list = await openFindings(users.auditor);
    expect(list.find((f) => f.id === dueToday.finding.id)?.overdue).toBe(false);
    expect(list.find((f) => f.id === dueYesterday.finding.id)?.overdue).toBe(true);

    const year = today.slice(0, 4);
    const unitName = (await branchRow(db.db, 'U04-B1')).unitName;
    const rows = await overduePerUnit(users.auditor, { from: `${year}-01-01`, to: `${year}-12-31` });
    expect(rows.find((r) => r.unitName === unitName)).toEqual({ unitName, raised: 3, closed: 1, unclosed: 2, overdue: 1 });
    const lastYear = await overduePerUnit(users.auditor, { from: '2025-01-01', to: '2025-12-31' });
    expect(lastYear).toEqual([{ unitName, raised: 1, closed: 0, unclosed: 1, overdue: 1 }]);
    expect(await overduePerUnit(users.secretary, { from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
  });
});
