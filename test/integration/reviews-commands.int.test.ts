// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewMarks } from '@/db/schema/activities';
import { findings, findingSteps, type FindingState } from '@/db/schema/reviews';
import type { SessionUser } from '@/lib/auth/sessions';
import { correctRecordAction } from '@/lib/records/actions';
import { answerFindingAction, closeFindingAction, markRecordReviewedAction, raiseFindingAction, reopenFindingAction } from '@/lib/reviews/actions';
import { takeStep } from '@/lib/reviews/state-machine';
import { auditRowsAfter, type FormAction, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { draftIn, recordForm, recordRow, submittedIn } from './records-fixtures';
import { findingIn, inDays } from './reviews-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The review loop through the real actions on the seeded demo: raise → answer (with a corrected
// record) → reopen → answer → close → 合格, every step × every role, the refusals the issue
// names (each without an audit row and without a 500), and the SQL lock on a reviewed record.

const db = withDemoDatabase();
const users = {} as Record<'admin' | 'editor' | 'secretary' | 'secretary2' | 'auditor', SessionUser>;
beforeAll(async () => {
  for (const name of ['admin', 'editor', 'secretary', 'secretary2', 'auditor'] as const) users[name] = await signedIn(db.db, name);
});
const as = (user: SessionUser) => (session.user = user);
const findingRow = async (id: number) => (await db.db.select().from(findings).where(eq(findings.id, id)))[0]!;
const stepsOf = (id: number) => db.db.select().from(findingSteps).where(eq(findingSteps.findingId, id)).orderBy(findingSteps.id);

/** Runs `action` and expects a refusal with `status` that wrote nothing to the audit trail. */
async function expectRefused(action: FormAction, data: FormData, status: number, message?: string | RegExp) {
  const since = await lastAuditId(db.db);
  const state = await stateOf(action, data);
  expect(state).toMatchObject({ ok: false, status });
  if (message) expect(state.message).toMatch(message);
  expect(await auditRowsAfter(db.db, since)).toEqual([]);
  return state;
}

describe('the whole loop', () => {
  it('raise, answer with a corrected record, reopen once, answer, close, then 合格', async () => {
    const record = await submittedIn(db.db, 'U01-B1');
    as(users.auditor);
    let since = await lastAuditId(db.db);
    const raised = await submit(raiseFindingAction, form({ recordId: record.id, revision: 1, category: 'insufficient_attendance', comment: '到会人数与签到表不符', dueOn: inDays(14) }));
    expect(raised).toMatchObject({ kind: 'redirect', url: expect.stringMatching(new RegExp(`^/admin/records/${record.id}\\?finding=raised#finding-\\d+$`)) });
    const [finding] = await db.db.select().from(findings).where(eq(findings.recordId, record.id));
    expect(finding).toMatchObject({ state: 'open', category: 'insufficient_attendance', dueOn: inDays(14), recordRevision: 1, raisedBy: users.auditor.id });
    expect((await recordRow(db.db, record.id)).status).toBe('flagged');
    expect((await auditRowsAfter(db.db, since)).map((r) => [r.action, r.actorId])).toEqual([['finding.raise', users.auditor.id]]);

    // The branch corrects the record (revision 2), then answers citing it.
    as(users.secretary);
    const corrected = await submit(correctRecordAction, await recordForm(db.db, 'U01-B1', { id: record.id, version: (await recordRow(db.db, record.id)).version, heldOn: record.heldOn, reason: '按签到表更正出勤' }));
    expect(corrected.kind).toBe('redirect');
    expect(await recordRow(db.db, record.id)).toMatchObject({ revision: 2, status: 'flagged' });
    const badRevision = await stateOf(answerFindingAction, form({ findingId: finding!.id, version: 1, note: '已更正', correctedRevision: 1 }));
    expect(badRevision).toMatchObject({ ok: false, status: 400, fieldErrors: { correctedRevision: [expect.stringContaining('更正版本无效')] } });
    since = await lastAuditId(db.db);
    expect(await submit(answerFindingAction, form({ findingId: finding!.id, version: 1, note: '已按签到表更正出勤情况', correctedRevision: 2 }))).toMatchObject({ kind: 'redirect' });
    expect(await findingRow(finding!.id)).toMatchObject({ state: 'answered', version: 2 });

    as(users.auditor);
    expect(await submit(reopenFindingAction, form({ findingId: finding!.id, version: 2, comment: '缺席人员未注明原因', dueOn: inDays(7) }))).toMatchObject({ kind: 'redirect' });
    expect(await findingRow(finding!.id)).toMatchObject({ state: 'reopened', dueOn: inDays(7) });
    as(users.secretary);
    expect(await submit(answerFindingAction, form({ findingId: finding!.id, version: 3, note: '已补注缺席原因' }))).toMatchObject({ kind: 'redirect' });
    as(users.auditor);
    expect(await submit(closeFindingAction, form({ findingId: finding!.id, version: 4, note: '' }))).toMatchObject({ kind: 'redirect' });
    expect(await findingRow(finding!.id)).toMatchObject({ state: 'closed', closedBy: users.auditor.id });
    // No finding left open: the corrected record waits for a new review.
    expect((await recordRow(db.db, record.id)).status).toBe('submitted');

    const steps = await stepsOf(finding!.id);
    expect(steps.map((s) => [s.kind, s.actorId, s.correctedRevision])).toEqual([
      ['raise', users.auditor.id, null],
      ['answer', users.secretary.id, 2],
      ['reopen', users.auditor.id, null],
      ['answer', users.secretary.id, null],
      ['close', users.auditor.id, null],
    ]);
    expect(steps.every((s) => s.createdAt instanceof Date)).toBe(true);
    expect((await auditRowsAfter(db.db, since)).map((r) => r.action)).toEqual(['finding.answer', 'finding.reopen', 'finding.answer', 'finding.close']);

    expect(await submit(markRecordReviewedAction, form({ recordId: record.id, revision: 2 }))).toEqual({ kind: 'redirect', url: `/admin/records/${record.id}?reviewed=1` });
    expect(await recordRow(db.db, record.id)).toMatchObject({ status: 'reviewed', reviewedBy: users.auditor.id });
    const marks = await db.db.select({ verdict: reviewMarks.verdict }).from(reviewMarks).where(eq(reviewMarks.entityId, record.id)).orderBy(reviewMarks.id);
    expect(marks.map((m) => m.verdict)).toEqual(['flagged', 'resolved', 'ok']);
  });
});

describe('every step × every role', () => {
  const steps = {
    answer: { action: answerFindingAction, values: { note: '已整改' }, role: 'secretary' },
    reopen: { action: reopenFindingAction, values: { comment: '仍未整改' }, role: 'auditor' },
    close: { action: closeFindingAction, values: { note: '' }, role: 'auditor' },
  } as const;
  const states: FindingState[] = ['open', 'answered', 'reopened', 'closed'];

  for (const [step, { action, values, role: owner }] of Object.entries(steps)) {
    for (const state of states) {
      for (const name of ['admin', 'editor', 'secretary', 'secretary2', 'auditor'] as const) {
        it(`${step} from ${state} as ${name}`, async () => {
          const { finding } = await findingIn(db.db, 'U01-B1', { state });
          as(users[name]);
          const data = form({ findingId: finding.id, version: finding.version, ...values });
          const expected = takeStep(state, step as 'answer', users[name].role);
          if (name === 'secretary2' && owner === 'secretary') {
            // A secretary of another unit: the branch scope refuses, in words.
            await expectRefused(action, data, 403, '该问题不属于您所在的党组织，不能由您答复整改。');
          } else if (!expected.ok && expected.code === 'forbidden') {
            await expectRefused(action, data, 403, '您没有执行此操作的权限。');
          } else if (!expected.ok) {
            await expectRefused(action, data, 409, expected.message);
          } else {
            const since = await lastAuditId(db.db);
            expect(await submit(action, data)).toMatchObject({ kind: 'redirect' });
            expect((await findingRow(finding.id)).state).toBe(expected.state);
            expect((await auditRowsAfter(db.db, since)).map((r) => [r.action, r.actorId])).toEqual([[`finding.${step}`, users[name].id]]);
          }
          if (!(expected.ok && name !== 'secretary2')) expect(await findingRow(finding.id)).toEqual(finding);
        });
      }
    }
  }

  for (const name of ['admin', 'editor', 'secretary', 'secretary2'] as const) {
    it(`raise and 合格 as ${name} are refused with 403 and no audit row`, async () => {
      const record = await submittedIn(db.db, 'U01-B1');
      as(users[name]);
      await expectRefused(raiseFindingAction, form({ recordId: record.id, revision: 1, category: 'other', comment: '越权', dueOn: inDays(3) }), 403);
      await expectRefused(markRecordReviewedAction, form({ recordId: record.id, revision: 1 }), 403);
      expect(await recordRow(db.db, record.id)).toEqual(record);
    });
  }
});

describe('bad input', () => {
  it('refuses a finding without comment or due day, or due in the past, beside each field', async () => {
    const record = await submittedIn(db.db, 'U01-B1');
    as(users.auditor);
    const state = await expectRefused(raiseFindingAction, form({ recordId: record.id, revision: 1, category: 'formalism', comment: ' ', dueOn: '' }), 400);
    expect(state.fieldErrors).toEqual({ comment: ['请填写问题说明。'], dueOn: ['请填写整改期限。'] });
    expect(state.values).toMatchObject({ category: 'formalism' });
    const past = await expectRefused(raiseFindingAction, form({ recordId: record.id, revision: 1, category: 'formalism', comment: '照搬模板', dueOn: inDays(-1) }), 400);
    expect(past.fieldErrors).toEqual({ dueOn: ['整改期限不能早于今天。'] });
    expect(await recordRow(db.db, record.id)).toEqual(record);
  });

  it('refuses to raise on a draft or a reviewed record, to judge a stale revision, and 合格 while a finding is open', async () => {
    as(users.auditor);
    const draft = await draftIn(db.db, 'U01-B1');
    await expectRefused(raiseFindingAction, form({ recordId: draft.id, revision: 1, category: 'other', comment: 'x', dueOn: inDays(3) }), 404);
    const record = await submittedIn(db.db, 'U01-B1');
    await expectRefused(markRecordReviewedAction, form({ recordId: record.id, revision: 2 }), 409, /已更正为第 1 版/);
    expect(await submit(markRecordReviewedAction, form({ recordId: record.id, revision: 1 }))).toMatchObject({ kind: 'redirect' });
    await expectRefused(raiseFindingAction, form({ recordId: record.id, revision: 1, category: 'other', comment: 'x', dueOn: inDays(3) }), 409, /已审核合格并锁定/);
    const { record: flagged } = await findingIn(db.db, 'U01-B1');
    await expectRefused(markRecordReviewedAction, form({ recordId: flagged.id, revision: 1 }), 409, /未整改到位/);
  });

  it('refuses a stale answer, keeping the note in the form', async () => {
    const { finding } = await findingIn(db.db, 'U01-B1');
    as(users.secretary);
    const state = await expectRefused(answerFindingAction, form({ findingId: finding.id, version: finding.version + 1, note: '我的整改说明' }), 409);
    expect(state.values?.note).toBe('我的整改说明');
  });
});

describe('the SQL lock', () => {
  it('refuses any update of a reviewed record without a correction; a correction resets it to need review', async () => {
    const record = await submittedIn(db.db, 'U01-B1');
    as(users.auditor);
    await submit(markRecordReviewedAction, form({ recordId: record.id, revision: 1 }));
    const reviewed = await recordRow(db.db, record.id);
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewedBy: users.auditor.id });
    for (const change of [sql`status = 'submitted'`, sql`reviewed_at = null, reviewed_by = null`, sql`topic = '改'`, sql`version = version + 1`, sql`status = 'flagged'`]) {
      await expect(db.db.execute(sql`update activity_records set ${change} where id = ${record.id}`)).rejects.toThrow();
    }
    expect(await recordRow(db.db, record.id)).toEqual(reviewed);

    as(users.secretary);
    expect(await submit(correctRecordAction, await recordForm(db.db, 'U01-B1', { id: record.id, version: reviewed.version, heldOn: record.heldOn, topic: '更正后的主题', reason: '主题笔误' }))).toMatchObject({ kind: 'redirect' });
    expect(await recordRow(db.db, record.id)).toMatchObject({ status: 'submitted', revision: 2, reviewedAt: null, reviewedBy: null, topic: '更正后的主题' });
  });

  it('refuses 合格 in SQL while a finding is open, and keeps findings and their steps', async () => {
    const { finding, record } = await findingIn(db.db, 'U01-B1');
    const auditor = users.auditor.id;
    await expect(db.db.execute(sql`update activity_records set status = 'reviewed', reviewed_at = now(), reviewed_by = ${auditor} where id = ${record.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`delete from findings where id = ${finding.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update findings set comment = '改写' where id = ${finding.id}`)).rejects.toThrow();
    // A change of state without its step row in the same transaction, or along no edge.
    await expect(db.db.execute(sql`update findings set state = 'answered' where id = ${finding.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update findings set state = 'closed', closed_at = now() where id = ${finding.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update finding_steps set note = '改写' where finding_id = ${finding.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`delete from finding_steps where finding_id = ${finding.id}`)).rejects.toThrow();
    expect(await findingRow(finding.id)).toEqual(finding);
    expect(await stepsOf(finding.id)).toHaveLength(1);
  });

  it('keeps a closed finding final', async () => {
    const { finding } = await findingIn(db.db, 'U01-B1', { state: 'closed' });
    await expect(db.db.execute(sql`update findings set due_on = due_on + 1 where id = ${finding.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update findings set closed_at = null, state = 'answered' where id = ${finding.id}`)).rejects.toThrow();
  });
});
