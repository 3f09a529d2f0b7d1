import './setup/request-mocks';
import { beforeAll, describe, expect, it } from 'vitest';
import { branchRuleSets } from '@/db/schema/branches';
import type { SessionUser } from '@/lib/auth/sessions';
import { complianceCsv, complianceXlsx } from '@/lib/compliance/export';
import { secretaryDashboard } from '@/lib/compliance/desk';
import { branchComplianceCard, complianceNodeOptions, complianceReport, decodeInactiveCursor, inactiveMembers } from '@/lib/compliance/queries';
import { branchRules2018 } from '@/tasks/seed/rules';
import { branchIdOf, signedIn } from './auth-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The compliance figures on the seeded demo (tasks/seed/demo-activities.ts says what it holds on
// purpose). "Today" is fixed so the figures do not move with the calendar.

const db = withDemoDatabase();
const TODAY = '2026-12-01';
const as = {} as Record<'admin' | 'auditor' | 'secretary' | 'secretary2' | 'editor', SessionUser>;
const ids = {} as Record<'U01' | 'U01-B1' | 'U01-B1-P1' | 'U01-B2' | 'U02' | 'U02-B2', number>;

beforeAll(async () => {
  for (const name of Object.keys({ admin: 1, auditor: 1, secretary: 1, secretary2: 1, editor: 1 }) as (keyof typeof as)[]) as[name] = await signedIn(db.db, name);
  for (const code of Object.keys({ U01: 1, 'U01-B1': 1, 'U01-B1-P1': 1, 'U01-B2': 1, U02: 1, 'U02-B2': 1 }) as (keyof typeof ids)[]) ids[code] = await branchIdOf(db.db, code);
});

const ruleOf = (report: { nodes: { node: { id: number }; rules: { key: string }[] }[] }, nodeId: number, key: string) =>
  report.nodes.find((n) => n.node.id === nodeId)?.rules.find((r) => r.key === key) as
    | { key: string; state: string; held: number; late: number; periods: { period: { unit: string; index: number }; held: number; late: number; state: string; required: number }[] }
    | undefined;

describe('counting by the day the meeting was held', () => {
  it('counts a Q1 general meeting entered in Q2 in Q1, and marks it late', async () => {
    const report = await complianceReport(as.admin, { branchId: ids['U01-B1'], year: 2026, today: TODAY });
    const general = ruleOf(report, ids['U01-B1'], 'general_meeting')!;
    expect(general.periods.map((p) => [p.period.index, p.held, p.state])).toEqual([
      [1, 1, 'met'],
      [2, 1, 'met'],
      [3, 1, 'met'],
      [4, 0, 'open'],
    ]);
    expect(general.periods[0]!.late).toBe(1);
    expect(general.periods[1]!.held).toBe(1);
  });

  it('finds the gaps the seed made: the fourth branch skips every fourth month and gives no lecture in 2026', async () => {
    const report = await complianceReport(as.auditor, { branchId: ids.U02, year: 2026, today: TODAY });
    const committee = ruleOf(report, ids['U02-B2'], 'committee_meeting')!;
    // Months m = 0..22 from January 2025; m % 4 === 2 skipped: March, July and November 2026 (m = 14, 18, 22).
    expect(committee.periods.filter((p) => p.state === 'missed').map((p) => p.period.index)).toEqual([3, 7, 11]);
    const lecture = ruleOf(report, ids['U02-B2'], 'party_lecture')!;
    // Its last lecture was in November 2025 (m = 10): every ended quarter of 2026 is missed.
    expect(lecture.periods.map((p) => p.state)).toEqual(['missed', 'missed', 'missed', 'open']);
    expect(ruleOf(report, ids['U02-B2'], 'secretary_lecture')!.state).toBe('open');
    // The model branch misses nothing that has ended.
    const model = report.nodes.find((n) => n.node.id === ids['U01-B1']);
    expect(model).toBeUndefined();
    const first = await complianceReport(as.auditor, { branchId: ids.U01, year: 2025, today: TODAY });
    expect(first.nodes.find((n) => n.node.id === ids['U01-B1'])!.compliant).toBe(true);
    expect(ruleOf(first, ids['U01-B1'], 'secretary_lecture')).toMatchObject({ held: 1, state: 'met' });
    expect(ruleOf(first, ids['U01-B1-P1'], 'group_meeting')!.periods.every((p) => p.state === 'met')).toBe(true);
    // A branch of the unit without any record misses every ended period.
    const empty = first.nodes.find((n) => n.node.id !== ids['U01-B1'] && n.node.id !== ids['U01-B2'] && n.node.id !== ids['U01-B1-P1'] && n.node.kind === 'branch');
    if (empty) expect(empty.rules.every((r) => r.state === 'missed')).toBe(true);
    expect(first.units).toHaveLength(1);
    expect(first.total.nodes).toBe(first.nodes.length);
  });

  it('rolls up per unit and for the whole work committee', async () => {
    const report = await complianceReport(as.auditor, { branchId: null, year: 2025, today: TODAY });
    expect(report.root.kind).toBe('work_committee');
    expect(report.units.length).toBeGreaterThan(5);
    expect(report.units.reduce((n, u) => n + u.nodes, 0)).toBe(report.total.nodes);
    expect(report.total.compliant).toBe(report.nodes.filter((n) => n.compliant).length);
    const u01 = report.units.find((u) => u.id === ids.U01)!;
    expect(u01.rules.general_meeting!.bound).toBeGreaterThanOrEqual(2);
    expect(report.keys).toEqual(expect.arrayContaining(['general_meeting', 'committee_meeting', 'group_meeting', 'secretary_lecture']));
  });
});

describe('scope', () => {
  it("gives a secretary their own subtree, and refuses another unit's", async () => {
    const own = await complianceReport(as.secretary, { branchId: null, year: 2026, today: TODAY });
    expect(own.root.id).toBe(ids['U01-B1']);
    expect(own.nodes.map((n) => n.node.id).sort()).toEqual([ids['U01-B1'], ids['U01-B1-P1']].sort());
    await expect(complianceReport(as.secretary, { branchId: ids.U02, year: 2026, today: TODAY })).rejects.toMatchObject({ status: 403 });
    await expect(complianceReport(as.secretary, { branchId: ids.U01, year: 2026, today: TODAY })).rejects.toMatchObject({ status: 403 });
    await expect(inactiveMembers(as.secretary, { branchId: ids.U02, today: TODAY })).rejects.toMatchObject({ status: 403 });
    await expect(branchComplianceCard(as.secretary, ids['U01-B2'], 2026, TODAY)).rejects.toMatchObject({ status: 403 });
    expect((await complianceNodeOptions(as.secretary)).map((o) => o.id)).toEqual([ids['U01-B1']]);
  });

  it("gives the 财政局 secretary that unit's subtree, and auditors and admins the whole tree", async () => {
    const unit = await complianceReport(as.secretary2, { branchId: null, year: 2026, today: TODAY });
    expect(unit.root.id).toBe(ids.U02);
    expect(unit.nodes.map((n) => n.node.id)).toContain(ids['U02-B2']);
    expect(unit.nodes.map((n) => n.node.id)).not.toContain(ids['U01-B1']);
    const all = await complianceReport(as.auditor, { branchId: null, year: 2026, today: TODAY });
    expect(all.nodes.map((n) => n.node.id)).toEqual(expect.arrayContaining([ids['U01-B1'], ids['U02-B2']]));
    // The filter offers the way down to the node shown and its children, not the whole tree.
    const top = await complianceNodeOptions(as.admin);
    expect(top.map((o) => o.id)).toEqual(expect.arrayContaining([ids.U01, ids.U02]));
    expect(top.map((o) => o.id)).not.toContain(ids['U01-B1']);
    const down = await complianceNodeOptions(as.admin, ids['U01-B1']);
    expect(down.map((o) => o.id).slice(1)).toEqual([ids.U01, ids['U01-B1']]);
    expect(down.map((o) => o.label)[2]).toMatch(/^　　/);
    const unitOptions = await complianceNodeOptions(as.secretary2, ids['U02-B2']);
    expect(unitOptions.map((o) => o.id)).toEqual([ids.U02, ids['U02-B2']]);
    await expect(complianceNodeOptions(as.secretary2, ids['U01-B1'])).rejects.toMatchObject({ status: 403 });
  });

  it('refuses the editor', async () => {
    await expect(complianceReport(as.editor, { branchId: null, year: 2026, today: TODAY })).rejects.toMatchObject({ status: 403 });
    await expect(inactiveMembers(as.editor, { branchId: null, today: TODAY })).rejects.toMatchObject({ status: 403 });
  });
});

describe('six months without organizational life', () => {
  it('lists members of nodes with no meetings, not those who attend, and by the last day present once meetings stop', async () => {
    const all = await inactiveMembers(as.auditor, { branchId: null, today: TODAY, limit: 1000 });
    expect(all.months).toBe(6);
    expect(all.since).toBe('2026-06-01');
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((m) => m.status === 'probationary' || m.status === 'full_member')).toBe(true);
    // The model branch meets every month: none of its members is listed today.
    const own = await inactiveMembers(as.secretary, { branchId: null, today: TODAY });
    expect(own.items).toEqual([]);
    // Half a year after the record book ends, every member who attended is listed with the last day present.
    const later = await inactiveMembers(as.secretary, { branchId: null, today: '2027-06-15' });
    expect(later.items.length).toBeGreaterThan(3);
    expect(later.items.every((m) => m.lastPresentOn !== null && m.lastPresentOn <= '2026-11-30')).toBe(true);
  });

  it('pages through the list in (branch, name) order with a cursor, and reads a broken cursor as the first page', async () => {
    const all = await inactiveMembers(as.auditor, { branchId: null, today: TODAY, limit: 1000 });
    expect(all.next).toBeNull();
    const first = await inactiveMembers(as.auditor, { branchId: null, today: TODAY, limit: 3 });
    expect(first.items).toEqual(all.items.slice(0, 3));
    const second = await inactiveMembers(as.auditor, { branchId: null, today: TODAY, limit: 3, after: decodeInactiveCursor(first.next!) });
    expect(second.items).toEqual(all.items.slice(3, 6));
    expect(decodeInactiveCursor('not-a-cursor')).toBeNull();
    await expect(inactiveMembers(as.admin, { branchId: 999_999, today: TODAY })).rejects.toMatchObject({ status: 404 });
    expect(decodeInactiveCursor(Buffer.from('[1,"x",0]').toString('base64url'))).toBeNull();
  });
});

describe("the secretary's desk and the branch card", () => {
  it('shows what is due now, what last month missed, late entries and terms ending', async () => {
    const desk = await secretaryDashboard(as.secretary, TODAY);
    expect(desk.branch.id).toBe(ids['U01-B1']);
    // 1 December: nothing of December is held yet.
    expect(desk.dueNow.map((d) => d.key)).toEqual(expect.arrayContaining(['committee_meeting', 'themed_party_day', 'general_meeting', 'group_meeting']));
    expect(desk.missedLastMonth).toEqual([]);
    expect(desk.lastMonth).toMatchObject({ year: 2026, index: 11 });
    expect(desk.lateEntries.find((e) => e.heldOn === '2026-03-23' && e.kind === 'general_meeting')).toMatchObject({ submittedOn: '2026-04-28', daysLate: 36 });
    expect(desk.lateEntries.every((e) => e.daysLate > 30)).toBe(true);

    const unit = await secretaryDashboard(as.secretary2, '2026-12-01');
    expect(unit.missedLastMonth.map((d) => [d.node.id, d.key])).toContainEqual([ids['U02-B2'], 'committee_meeting']);
    expect(unit.termsEnding.some((t) => t.daysLeft < 0)).toBe(true);
  });

  it('gives the branch page its card', async () => {
    const card = await branchComplianceCard(as.auditor, ids['U01-B1'], 2025, TODAY);
    expect(card.own!.compliant).toBe(true);
    expect(card.subtree).toMatchObject({ nodes: 2, compliant: 2 });
  });
});

describe('exports', () => {
  it('writes the same figures as CSV and XLSX', async () => {
    const report = await complianceReport(as.auditor, { branchId: ids['U01-B1'], year: 2026, today: TODAY });
    const csv = complianceCsv(report);
    expect(csv.startsWith('\uFEFF组织,组织类型,规则,周期')).toBe(true);
    expect(csv).toContain('支部党员大会,第一季度,2026-01-01,2026-03-31,1,1,1,达标');
    const xlsx = await complianceXlsx(report);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });
});

// Last: it adds a rule set the tests above must not see.
describe('a rule set switches on its effective date', () => {
  it('judges periods from the new date by the new set, earlier ones by the old', async () => {
    await db.db.insert(branchRuleSets).values({
      name: '测试：每月召开党员大会',
      effectiveFrom: '2026-07-01',
      source: '集成测试',
      rules: {
        ...branchRules2018.rules,
        lateEntryDays: 3,
        frequencies: branchRules2018.rules.frequencies.map((f) => (f.kind === 'general_meeting' ? { ...f, per: 'month' } : f)),
      },
    });
    const report = await complianceReport(as.admin, { branchId: ids['U01-B1'], year: 2026, today: TODAY });
    const general = ruleOf(report, ids['U01-B1'], 'general_meeting')!;
    expect(general.periods.map((p) => `${p.period.unit}${p.period.index}:${p.state}`)).toEqual([
      'quarter1:met',
      'quarter2:met',
      'month7:missed',
      'month8:missed',
      'month9:met',
      'month10:missed',
      'month11:missed',
      'month12:open',
    ]);
    expect(report.ruleSets.map((s) => s.effectiveFrom)).toEqual(['2018-10-28', '2026-07-01']);
    // Lateness follows the set in force on held_on: from July more than 3 days counts.
    const before = (await complianceReport(as.admin, { branchId: ids['U01-B1'], year: 2025, today: TODAY })).nodes;
    const lateAfter = report.nodes.flatMap((n) => n.rules.flatMap((r) => r.periods.filter((p) => p.period.unit === 'month' && p.period.index >= 7))).reduce((n, p) => n + p.late, 0);
    expect(lateAfter).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
  });
});
