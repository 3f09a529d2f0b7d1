import './setup/request-mocks';
import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { developmentBatches, developmentRecords, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import { trainees } from '@/db/schema/training';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { runDevelopmentBatchAction } from '@/lib/development/actions';
import { getDevelopmentBatch, listBatchCandidates } from '@/lib/development/batch-queries';
import { listDevelopmentBoard } from '@/lib/development/queries';
import { batchFilterSchema, boardFilterSchema } from '@/lib/development/schemas';
import { auditRowsAfter, branchIdOf, demoUsername, lastAuditId, signedIn, submit } from './auth-fixtures';
import { batchForm, candidateIn, inDays, readyFor, SECRETARY_BRANCH } from './development-fixtures';
import { session } from './setup/request-mocks';
import { attend, roundIn, sessionIn, traineeIn } from './training-fixtures';
import { withDemoDatabase } from './setup/demo-database';

const db = withDemoDatabase();
const as = {} as Record<Role, SessionUser>;
let home: number;

beforeAll(async () => {
  for (const role of roles) as[role] = await signedIn(db.db, demoUsername[role]);
  home = await branchIdOf(db.db, SECRETARY_BRANCH);
});

const stepsOf = async (recordIds: number[]) => (await db.db.select({ n: count() }).from(developmentTransitions).where(inArray(developmentTransitions.recordId, recordIds)))[0]!.n;

describe('a batch step', () => {
  it('a batch of 50 with 2 invalid people moves 48 and reports 2, each refusal quoting the rule', async () => {
    session.user = as.admin;
    const files = [];
    for (let i = 0; i < 48; i++) files.push(await candidateIn(db.db, home, readyFor('oath')));
    // Not yet approved by the higher committee; already sworn in.
    const unapproved = await candidateIn(db.db, home, { ...readyFor('oath'), approvedOn: null });
    const sworn = await candidateIn(db.db, home, { ...readyFor('oath'), oathOn: inDays(-2) });
    const all = [...files, unapproved, sworn];
    const recordIds = all.map((f) => f.record.id);
    const before = await stepsOf(recordIds);
    const lastAudit = await lastAuditId(db.db);

    const outcome = await submit(runDevelopmentBatchAction, batchForm('oath', all));
    expect(outcome.kind).toBe('redirect');
    const batchId = Number(outcome.kind === 'redirect' ? outcome.url.split('/').at(-1) : NaN);
    expect(outcome).toEqual({ kind: 'redirect', url: `/admin/development/batches/${batchId}` });

    const batch = await getDevelopmentBatch(as.admin, batchId);
    expect(batch).toMatchObject({ step: 'oath', decidedOn: inDays(0), decidingBody: 'branch_committee', movedCount: 48, refusedCount: 2 });
    const refused = batch!.outcomes.filter((o) => !o.ok);
    expect(refused.map((o) => o.personId).sort()).toEqual([unapproved.person.id, sworn.person.id].sort());
    expect(refused.find((o) => o.personId === unapproved.person.id)).toMatchObject({ reason: expect.stringMatching(/^按《中国共产党发展党员工作细则（2014年）》，预备党员经上级党委审批后方可入党宣誓/) });
    expect(refused.find((o) => o.personId === sworn.person.id)).toMatchObject({ reason: `已于 ${inDays(-2)} 记录入党宣誓。` });

    expect(await stepsOf(recordIds)).toBe(before + 48);
    const written = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.batchId, batchId));
    expect(written).toHaveLength(48);
    expect(new Set(written.map((w) => w.recordId))).toEqual(new Set(files.map((f) => f.record.id)));
    for (const w of written) expect(w).toMatchObject({ step: 'oath', decidedOn: inDays(0), decidingBody: 'branch_committee', fromStage: 'probationary', toStage: 'probationary' });
    const records = await db.db.select().from(developmentRecords).where(inArray(developmentRecords.id, recordIds));
    for (const r of records) {
      const original = all.find((f) => f.record.id === r.id)!.record;
      if (r.id === unapproved.record.id || r.id === sworn.record.id) expect(r).toEqual(original);
      else expect(r).toMatchObject({ oathOn: inDays(0), version: original.version + 1 });
    }
    const audit = await auditRowsAfter(db.db, lastAudit);
    expect(audit.map((r) => [r.action, r.entityType, r.entityId, r.actorId])).toEqual([['development.batch', 'development_batch', String(batchId), as.admin.id]]);
    expect((audit[0]!.after as { moved: unknown[]; refused: unknown[] }).moved).toHaveLength(48);
    expect((audit[0]!.after as { moved: unknown[]; refused: unknown[] }).refused).toHaveLength(2);
  });

  it("a batch training citing a concentrated round takes each person's completion, and refuses those who did not complete it", async () => {
    session.user = as.admin;
    const round = await roundIn(db.db, { kind: 'concentrated', startsOn: inDays(-20), endsOn: inDays(-18), requiredHours: 24 });
    const sessions = [await sessionIn(db.db, round, { hours: 8, heldOn: inDays(-20) }), await sessionIn(db.db, round, { hours: 8, heldOn: inDays(-19) }), await sessionIn(db.db, round, { hours: 8, heldOn: inDays(-18) })];
    const [a, b, absent] = [await candidateIn(db.db, home, readyFor('training')), await candidateIn(db.db, home, readyFor('training')), await candidateIn(db.db, home, readyFor('training'))];
    const completions = new Map<number, number>();
    for (const [file, completedOn] of [
      [a, inDays(-18)],
      [b, inDays(-17)],
    ] as const) {
      const t = await traineeIn(db.db, round, file.person);
      for (const s of sessions) await attend(db.db, s, t);
      await db.db.update(trainees).set({ completed: true, completedOn }).where(eq(trainees.id, t.id));
      completions.set(file.record.id, t.id);
    }
    const outcome = await submit(runDevelopmentBatchAction, batchForm('training', [a, b, absent], { roundId: String(round.id), decidedOn: '', trainingDays: '', trainingHours: '', note: '' }));
    expect(outcome.kind, JSON.stringify(outcome)).toBe('redirect');
    const batchId = Number(outcome.kind === 'redirect' ? outcome.url.split('/').at(-1) : NaN);
    const batch = await getDevelopmentBatch(as.admin, batchId);
    expect(batch).toMatchObject({ movedCount: 2, refusedCount: 1, decidedOn: inDays(-17), fields: { roundId: round.id } });
    expect(batch!.outcomes.find((o) => o.personId === absent.person.id)).toMatchObject({ ok: false, reason: `未在“${round.name}”结业，不能按该班记录集中培训。` });
    const records = await db.db.select().from(developmentRecords).where(inArray(developmentRecords.id, [a.record.id, b.record.id, absent.record.id]));
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get(a.record.id)).toMatchObject({ concentratedTrainingOn: inDays(-18), concentratedTrainingDays: 3, concentratedTrainingHours: 24, concentratedTraineeId: completions.get(a.record.id) });
    expect(byId.get(b.record.id)).toMatchObject({ concentratedTrainingOn: inDays(-17), concentratedTraineeId: completions.get(b.record.id) });
    expect(byId.get(absent.record.id)).toMatchObject({ concentratedTrainingOn: null, concentratedTraineeId: null });
    const written = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.batchId, batchId));
    expect(written.map((w) => w.decidedOn).sort()).toEqual([inDays(-18), inDays(-17)]);
  });

  it('refuses a batch training citing a round that is not a concentrated training, or none without a note', async () => {
    session.user = as.admin;
    const rotation = await roundIn(db.db, { kind: 'rotation' });
    const file = await candidateIn(db.db, home, readyFor('training'));
    const lastAudit = await lastAuditId(db.db);
    const cited = await submit(runDevelopmentBatchAction, batchForm('training', [file], { roundId: String(rotation.id), decidedOn: '' }));
    expect(cited).toMatchObject({ kind: 'state', state: { ok: false, fieldErrors: { roundId: ['请选择一期集中培训班。'] } } });
    const bare = await submit(runDevelopmentBatchAction, batchForm('training', [file], { note: '' }));
    expect(bare).toMatchObject({ kind: 'state', state: { ok: false, fieldErrors: { note: ['未关联培训记录时，请在说明中写明培训的举办单位和时间。'] } } });
    expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
    expect(await db.db.select().from(developmentBatches).where(eq(developmentBatches.createdBy, as.admin.id))).not.toContainEqual(expect.objectContaining({ fields: { roundId: rotation.id } }));
  });

  it('stage changes move the roster status too; a skipped stage is refused with the order quoted', async () => {
    session.user = as.admin;
    const ready = await candidateIn(db.db, home, readyFor('to_full_member'));
    const early = await candidateIn(db.db, home, readyFor('approval'));
    const outcome = await submit(runDevelopmentBatchAction, batchForm('to_full_member', [ready, early]));
    expect(outcome.kind).toBe('redirect');
    const [person] = await db.db.select().from(people).where(eq(people.id, ready.person.id));
    expect(person).toMatchObject({ status: 'full_member', statusSince: inDays(0) });
    const [other] = await db.db.select().from(people).where(eq(people.id, early.person.id));
    expect(other!.status).toBe('probationary');
    const applicant = await candidateIn(db.db, home, readyFor('talk'));
    const skipped = await submit(runDevelopmentBatchAction, batchForm('oath', [applicant]));
    const id = Number(skipped.kind === 'redirect' ? skipped.url.split('/').at(-1) : NaN);
    const batch = await getDevelopmentBatch(as.admin, id);
    expect(batch!.outcomes).toMatchObject([{ ok: false, reason: expect.stringContaining('不能跳过阶段') }]);
  });

  it('bad input is refused beside its field and writes nothing: no one ticked, introducers needed, a future date', async () => {
    session.user = as.admin;
    const file = await candidateIn(db.db, home, readyFor('to_target'));
    const batches = (await db.db.select({ n: count() }).from(developmentBatches))[0]!.n;
    const lastAudit = await lastAuditId(db.db);
    const none = await submit(runDevelopmentBatchAction, batchForm('assessment', []));
    expect(none).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { people: ['请至少勾选一人。'] } } });
    const target = await submit(runDevelopmentBatchAction, batchForm('to_target', [file]));
    expect(target).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { step: [expect.stringContaining('逐人确定入党介绍人')] } } });
    const future = await submit(runDevelopmentBatchAction, batchForm('assessment', [file], { decidedOn: inDays(3) }));
    // A future date refuses every person: the batch row lists them, no step is written.
    expect(future.kind).toBe('redirect');
    const id = Number(future.kind === 'redirect' ? future.url.split('/').at(-1) : NaN);
    expect((await getDevelopmentBatch(as.admin, id))!.outcomes).toMatchObject([{ ok: false, field: 'decidedOn', reason: expect.stringContaining('日期不能晚于今天') }]);
    expect(await stepsOf([file.record.id])).toBe(1);
    expect((await db.db.select({ n: count() }).from(developmentBatches))[0]!.n).toBe(batches + 1);
    expect((await auditRowsAfter(db.db, lastAudit)).map((r) => r.action)).toEqual(['development.batch']);
  });

  for (const role of roles.filter((r) => r !== 'admin')) {
    it(`as ${role}: 403, nothing written, no audit row, and the candidate list is refused`, async () => {
      session.user = as[role];
      const file = await candidateIn(db.db, home, readyFor('oath'));
      const batches = (await db.db.select({ n: count() }).from(developmentBatches))[0]!.n;
      const lastAudit = await lastAuditId(db.db);
      expect(await submit(runDevelopmentBatchAction, batchForm('oath', [file]))).toEqual({ kind: 'state', state: { ok: false, status: 403, message: '您没有执行此操作的权限。' } });
      expect(await stepsOf([file.record.id])).toBe(1);
      expect((await db.db.select({ n: count() }).from(developmentBatches))[0]!.n).toBe(batches);
      expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
      await expect(listBatchCandidates(as[role], {})).rejects.toMatchObject({ status: 403 });
    });
  }

  it('lists candidates by node and stage, bounded', async () => {
    const list = await listBatchCandidates(as.admin, { branchId: home, stage: 'probationary' });
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c) => c.stage === 'probationary')).toBe(true);
    expect(list.items.length).toBeLessThanOrEqual(list.limit);
  });

  it('reads a branch id past the integer column in the query string as no filter, on the batch page and the board', async () => {
    const tooBig = { branchId: '3000000000', stage: 'probationary' };
    const batch = batchFilterSchema.parse(tooBig);
    expect(batch).toEqual({ branchId: undefined, stage: 'probationary' });
    expect((await listBatchCandidates(as.admin, batch)).total).toBe((await listBatchCandidates(as.admin, { stage: 'probationary' })).total);
    const board = boardFilterSchema.parse(tooBig);
    expect(board).toMatchObject({ branchId: undefined, stage: 'probationary' });
    await expect(listDevelopmentBoard(as.admin, board)).resolves.toBeDefined();
    expect(batchFilterSchema.parse({ branchId: '2147483647' }).branchId).toBe(2_147_483_647);
  });
});
