// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/rows';
import { branchRuleSets } from '@/db/schema/branches';
import type { SessionUser } from '@/lib/auth/sessions';
import { complianceReport } from '@/lib/compliance/queries';
import { correctRecordAction, saveRecordDraftAction, submitRecordAction } from '@/lib/records/actions';
import { branchRules2018 } from '@/tasks/seed/rules';
import { form, signedIn, submit } from './auth-fixtures';
import { recordForm, recordValues, submittedIn } from './records-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// activity_month_counts (migration 0010) is what the compliance pages count from. It is derived
// data kept by triggers, so the one thing to prove is that it always equals the records grouped
// afresh, whatever wrote them: the seed, a submission, a correction that moves the meeting to
// another month and kind, a draft (not counted), a new rule set changing the late threshold.

const db = withDemoDatabase();
let secretary: SessionUser;

beforeAll(async () => {
  secretary = await signedIn(db.db, 'secretary');
  session.user = secretary;
});

type Count = { month: string; branch_id: number; kind: string; held: number; late: number };

/** The kept counts (zero rows left by a move dropped) and the same figures grouped from the records. */
async function keptAndFresh(): Promise<{ kept: Count[]; fresh: Count[] }> {
  const kept = await selectRows<Count>(db.db, sql`
    select make_date(year, month, 1)::text as month, branch_id, kind, held, late from activity_month_counts
    where held <> 0 or late <> 0 order by 1, 2, 3`);
  const fresh = await selectRows<Count>(db.db, sql`
    select date_trunc('month', r.held_on)::date::text as month, r.branch_id, r.kind, count(*)::int as held,
      count(*) filter (where r.submitted_on - r.held_on > (
        select (s.rules ->> 'lateEntryDays')::int from branch_rule_sets s where s.effective_from <= r.held_on
        order by s.effective_from desc limit 1))::int as late
    from activity_records r where r.status <> 'draft' group by 1, 2, 3 order by 1, 2, 3`);
  const rows = (result: Count[]) => result.map((r) => ({ ...r, branch_id: Number(r.branch_id), held: Number(r.held), late: Number(r.late) }));
  return { kept: rows(kept), fresh: rows(fresh) };
}

async function expectInStep() {
  const { kept, fresh } = await keptAndFresh();
  expect(fresh.length).toBeGreaterThan(0);
  expect(kept).toEqual(fresh);
}

const countsToken = async () => (await selectRows<{ token: string }>(db.db, sql`select token from activity_month_counts_version`))[0]!.token;

const heldIn = async (month: string, kind: string) => {
  const { kept } = await keptAndFresh();
  return kept.filter((c) => c.month === month && c.kind === kind).reduce((n, c) => n + c.held, 0);
};

describe('the monthly counts compliance reads', () => {
  it('match the seeded records', async () => {
    await expectInStep();
  });

  it('count a submission, not a draft; the counts token moves with the counts only, and the page sees it at once', async () => {
    const before = await heldIn('2026-11-01', 'committee_meeting');
    const heldOnPage = async () => {
      const report = await complianceReport(secretary, { branchId: null, year: 2026, today: '2026-12-01' });
      return report.nodes.find((n) => n.node.id === report.root.id)!.rules.find((r) => r.key === 'committee_meeting')!.held;
    };
    const pageBefore = await heldOnPage();
    const tokenBefore = await countsToken();
    await submit(saveRecordDraftAction, await recordForm(db.db, 'U01-B1', { heldOn: '2026-11-20', topic: '只是草稿' }));
    expect(await heldIn('2026-11-01', 'committee_meeting')).toBe(before);
    expect(await countsToken()).toBe(tokenBefore);
    await submit(submitRecordAction, await recordForm(db.db, 'U01-B1', { heldOn: '2026-11-20', topic: '十一月支委会' }));
    expect(await heldIn('2026-11-01', 'committee_meeting')).toBe(before + 1);
    expect(await countsToken()).not.toBe(tokenBefore);
    // The page read the year before (kept in memory); it counts the new meeting all the same.
    expect(await heldOnPage()).toBe(pageBefore + 1);
    await expectInStep();
  });

  it('follow a correction that moves the meeting to another month and kind', async () => {
    const record = await submittedIn(db.db, 'U01-B1', { heldOn: '2026-10-12' });
    const octoberCommittee = await heldIn('2026-10-01', 'committee_meeting');
    const septemberGeneral = await heldIn('2026-09-01', 'general_meeting');
    const values = await recordValues(db.db, 'U01-B1', { id: record.id, version: record.version, heldOn: '2026-09-28', kind: 'general_meeting', reason: '会议实际于九月召开，类别登记有误' });
    expect(await submit(correctRecordAction, form(values))).toEqual({ kind: 'redirect', url: `/admin/records/${record.id}?corrected=2` });
    expect(await heldIn('2026-10-01', 'committee_meeting')).toBe(octoberCommittee - 1);
    expect(await heldIn('2026-09-01', 'general_meeting')).toBe(septemberGeneral + 1);
    await expectInStep();
  });

  it('recount lateness from the date a new rule set takes effect', async () => {
    const lateSince = async () => (await keptAndFresh()).kept.filter((c) => c.month >= '2026-07-01').reduce((n, c) => n + c.late, 0);
    const before = await lateSince();
    await db.db.insert(branchRuleSets).values({ name: '测试：逾期补录 1 天', effectiveFrom: '2026-07-01', source: '集成测试', rules: { ...branchRules2018.rules, lateEntryDays: 1 } });
    expect(await lateSince()).toBeGreaterThan(before);
    await expectInStep();
  });
});
