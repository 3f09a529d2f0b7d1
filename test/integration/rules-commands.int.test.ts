import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { session } from './setup/request-mocks';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { branchRuleSets } from '@/db/schema/branches';
import type { SessionUser } from '@/lib/auth/sessions';
import { createBranchRuleSetAction } from '@/lib/rules/actions';
import { ruleFormValues } from '@/lib/rules/form';
import { listRuleSets, loadBranchRuleSets, ruleSetInForce } from '@/lib/rules/queries';
import { auditRowsAfter, form, lastAuditId, signedIn, submit } from './auth-fixtures';
import { withDemoDatabase } from './setup/demo-database';

const db = withDemoDatabase();
const as = {} as Record<'admin' | 'auditor' | 'secretary', SessionUser>;

beforeAll(async () => {
  for (const name of ['admin', 'auditor', 'secretary'] as const) as[name] = await signedIn(db.db, name);
});

async function newVersion(overrides: Record<string, string>) {
  const latest = (await loadBranchRuleSets(db.db)).at(-1)!.rules;
  return form({ name: '工委组织生活补充规定（修订）', source: '工委会议决定', effectiveFrom: addDays(todayInBeijing(), 30), ...ruleFormValues(latest), ...overrides });
}

describe('rule sets', () => {
  it('lists the seeded sets in Chinese order for admin and auditor, not for a secretary', async () => {
    const lists = await listRuleSets(as.auditor);
    expect(lists.branch.map((s) => [s.effectiveFrom, s.state])).toEqual([['2018-10-28', 'current']]);
    expect(lists.development[0]).toMatchObject({ effectiveFrom: '2014-06-10', state: 'current' });
    await expect(listRuleSets(as.secretary)).rejects.toMatchObject({ status: 403 });
    expect((await ruleSetInForce('2020-01-01', db.db))!.rules.lateEntryDays).toBe(30);
    expect(await ruleSetInForce('2018-10-27', db.db)).toBeNull();
  });

  it('adds a future-dated version with an audit row; the set in force today does not change', async () => {
    session.user = as.admin;
    const before = await lastAuditId(db.db);
    const outcome = await submit(createBranchRuleSetAction, await newVersion({ lateEntryDays: '20' }));
    expect(outcome).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/rules\?created=\d+$/) });
    const [row] = await db.db.select().from(branchRuleSets).where(eq(branchRuleSets.effectiveFrom, addDays(todayInBeijing(), 30)));
    expect(row!.rules).toMatchObject({ lateEntryDays: 20 });
    expect((await auditRowsAfter(db.db, before)).map((r) => [r.action, r.actorId])).toEqual([['rules.create', as.admin.id]]);
    expect((await ruleSetInForce(todayInBeijing(), db.db))!.effectiveFrom).toBe('2018-10-28');
    expect((await listRuleSets(as.admin)).branch[0]!.state).toBe('future');
  });

  it('refuses a date in force already, a taken date and bad values, beside the field, keeping the typed values', async () => {
    session.user = as.admin;
    const today = await submit(createBranchRuleSetAction, await newVersion({ effectiveFrom: todayInBeijing() }));
    expect(today).toMatchObject({ kind: 'state', state: { ok: false, status: 400, fieldErrors: { effectiveFrom: [expect.stringContaining('须晚于今天')] } } });
    const taken = await submit(createBranchRuleSetAction, await newVersion({}));
    expect(taken).toMatchObject({ kind: 'state', state: { ok: false, status: 409, fieldErrors: { effectiveFrom: ['该生效日期已有一套规则，每个生效日期只能有一套。'] } } });
    const bad = await submit(createBranchRuleSetAction, await newVersion({ effectiveFrom: addDays(todayInBeijing(), 40), min_general_meeting: '0', lateEntryDays: '-1', name: '' }));
    expect(bad).toMatchObject({
      kind: 'state',
      state: {
        ok: false,
        status: 400,
        fieldErrors: { min_general_meeting: ['最少次数须为 1–31 的整数。'], lateEntryDays: ['逾期补录天数须为整数。'], name: ['请填写规则名称。'] },
        values: { min_general_meeting: '0', lateEntryDays: '-1' },
      },
    });
  });

  it('refuses auditors and secretaries with 403', async () => {
    for (const user of [as.auditor, as.secretary]) {
      session.user = user;
      expect(await submit(createBranchRuleSetAction, await newVersion({ effectiveFrom: addDays(todayInBeijing(), 50) }))).toEqual({
        kind: 'state',
        state: { ok: false, status: 403, message: '您没有执行此操作的权限。' },
      });
    }
  });
});
