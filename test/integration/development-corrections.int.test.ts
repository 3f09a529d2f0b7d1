import './setup/request-mocks';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { developmentCorrections, developmentRecords, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { correctDevelopmentStepAction, recordDevelopmentStepAction } from '@/lib/development/actions';
import { developmentFigures } from '@/lib/development/figures';
import { getDevelopmentFile } from '@/lib/development/queries';
import { auditRowsAfter, branchIdOf, demoUsername, form, lastAuditId, signedIn, submit } from './auth-fixtures';
import { candidateIn, inDays, readyFor, SECRETARY_BRANCH, stepForm } from './development-fixtures';
import { session } from './setup/request-mocks';
import { withDemoDatabase } from './setup/demo-database';

const db = withDemoDatabase();
const as = {} as Record<Role, SessionUser>;
let home: number;

beforeAll(async () => {
  for (const role of roles) as[role] = await signedIn(db.db, demoUsername[role]);
  home = await branchIdOf(db.db, SECRETARY_BRANCH);
});

const recordOf = async (id: number) => (await db.db.select().from(developmentRecords).where(eq(developmentRecords.id, id)))[0]!;
const stepOf = async (recordId: number, step: 'to_activist' | 'to_target') => (await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.recordId, recordId))).find((t) => t.step === step)!;
const corrections = async () => (await db.db.select({ n: count() }).from(developmentCorrections))[0]!.n;

/** An applicant made activist 400 days ago and development target today, through the actions. */
async function activistThenTarget() {
  session.user = as.admin;
  const file = await candidateIn(db.db, home, readyFor('to_activist'));
  expect(await submit(recordDevelopmentStepAction, await stepForm(db.db, 'to_activist', file, { decidedOn: inDays(-400) }))).toMatchObject({ kind: 'redirect' });
  const activist = { ...file, record: await recordOf(file.record.id) };
  expect(await submit(recordDevelopmentStepAction, await stepForm(db.db, 'to_target', activist))).toMatchObject({ kind: 'redirect' });
  return { ...file, record: await recordOf(file.record.id) };
}

const correctionForm = (file: { person: { id: number }; record: { version: number } }, transitionId: number, correctedOn: string, reason = '以支部委员会会议记录为准') =>
  form({ personId: file.person.id, version: file.record.version, transitionId, correctedOn, reason });

describe('correcting a written step (补正)', () => {
  it('refuses a date that would break a later step, keeps the order, refuses the future; writes nothing', async () => {
    const file = await activistThenTarget();
    const activist = await stepOf(file.record.id, 'to_activist');
    const target = await stepOf(file.record.id, 'to_target');
    const before = { record: await recordOf(file.record.id), corrections: await corrections(), audit: await lastAuditId(db.db) };
    const late = await submit(correctDevelopmentStepAction, correctionForm(file, activist.id, inDays(-300)));
    expect(late).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { correctedOn: [expect.stringMatching(/^后续步骤「列为发展对象」（.+）将不符合规定：按《中国共产党发展党员工作细则（2014年）》，入党积极分子培养考察满 12 个月后方可列为发展对象/)] } } });
    const reordered = await submit(correctDevelopmentStepAction, correctionForm(file, target.id, inDays(-401)));
    expect(reordered).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { correctedOn: [expect.stringContaining('各步骤的先后顺序不能改变')] } } });
    const future = await submit(correctDevelopmentStepAction, correctionForm(file, target.id, inDays(2)));
    expect(future).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { correctedOn: [expect.stringContaining('日期不能晚于今天')] } } });
    const noReason = await submit(correctDevelopmentStepAction, correctionForm(file, activist.id, inDays(-500), ''));
    expect(noReason).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { reason: [expect.stringContaining('请填写补正理由')] } } });
    expect(await recordOf(file.record.id)).toEqual(before.record);
    expect(await corrections()).toBe(before.corrections);
    expect(await auditRowsAfter(db.db, before.audit)).toEqual([]);
  });

  it('supersedes the date with the reason: the file shows both, the record and the engine use the corrected date', async () => {
    const file = await activistThenTarget();
    const activist = await stepOf(file.record.id, 'to_activist');
    const target = await stepOf(file.record.id, 'to_target');
    const lastAudit = await lastAuditId(db.db);
    expect(await submit(correctDevelopmentStepAction, correctionForm(file, activist.id, inDays(-500)))).toEqual({ kind: 'redirect', url: `/admin/development/${file.person.id}?corrected=1` });
    let record = await recordOf(file.record.id);
    expect(record).toMatchObject({ activistOn: inDays(-500), version: file.record.version + 1 });
    expect(await stepOf(file.record.id, 'to_activist')).toEqual(activist);
    expect((await auditRowsAfter(db.db, lastAudit)).map((r) => [r.action, r.entityType, r.entityId, r.actorId])).toEqual([['development.correct', 'development_record', String(file.record.id), as.admin.id]]);

    // The development target step moves back ten days: the roster's "since" follows, and a step
    // dated between the old and the new date is now accepted by the engine.
    expect(await submit(correctDevelopmentStepAction, correctionForm({ ...file, record }, target.id, inDays(-10)))).toMatchObject({ kind: 'redirect' });
    record = await recordOf(file.record.id);
    expect(record.targetOn).toBe(inDays(-10));
    expect((await db.db.select().from(people).where(eq(people.id, file.person.id)))[0]!.statusSince).toBe(inDays(-10));
    expect(await submit(recordDevelopmentStepAction, await stepForm(db.db, 'political_review', { ...file, record }, { decidedOn: inDays(-5) }))).toMatchObject({ kind: 'redirect' });

    const view = await getDevelopmentFile({ ...as.admin, username: as.admin.username }, file.person.id);
    expect(view!.steps.find((s) => s.id === activist.id)).toMatchObject({ decidedOn: inDays(-500), writtenOn: inDays(-400), correctionReason: '以支部委员会会议记录为准' });
    expect(view!.steps.find((s) => s.id === target.id)).toMatchObject({ decidedOn: inDays(-10), writtenOn: inDays(0) });
    expect(view!.steps.map((s) => s.step)).toEqual(['apply', 'to_activist', 'to_target', 'political_review']);
  });

  it('moves a step between years in the figures', async () => {
    session.user = as.admin;
    const file = await candidateIn(db.db, home, {
      stage: 'probationary',
      appliedOn: '2023-01-10',
      activistOn: '2023-03-01',
      targetOn: '2024-05-01',
      politicalReviewOn: '2024-06-01',
      concentratedTrainingOn: '2024-07-01',
      concentratedTrainingDays: 3,
      preReviewedOn: '2025-12-01',
      probationaryOn: '2025-12-30',
    });
    const [admitted] = await db.db
      .insert(developmentTransitions)
      .values({ recordId: file.record.id, fromStage: 'development_target', toStage: 'probationary', step: 'to_probationary', decidedOn: '2025-12-30', decidingBody: 'general_meeting' })
      .returning();
    const [y2025, y2026] = [await developmentFigures(as.admin, 2025), await developmentFigures(as.admin, 2026)];
    expect(await submit(correctDevelopmentStepAction, correctionForm(file, admitted!.id, '2026-01-02', '支部大会实际于 1 月 2 日召开'))).toMatchObject({ kind: 'redirect' });
    expect((await developmentFigures(as.admin, 2025)).total.counts.admissions).toBe(y2025.total.counts.admissions - 1);
    expect((await developmentFigures(as.admin, 2026)).total.counts.admissions).toBe(y2026.total.counts.admissions + 1);
    expect((await db.db.select().from(people).where(eq(people.id, file.person.id)))[0]!.joinedPartyOn).toBe('2026-01-02');
  });

  it('judges a second correction of a step against its corrected date, not the written one', async () => {
    const file = await activistThenTarget();
    const activist = await stepOf(file.record.id, 'to_activist');
    expect(await submit(correctDevelopmentStepAction, correctionForm(file, activist.id, inDays(-500)))).toMatchObject({ kind: 'redirect' });
    const record = await recordOf(file.record.id);
    const again = await submit(correctDevelopmentStepAction, correctionForm({ ...file, record }, activist.id, inDays(-500)));
    expect(again).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { correctedOn: [`该步骤的日期已是 ${inDays(-500)}。`] } } });
  });

  it('moves an extended end of probation with a corrected admission day, and judges the later steps by it', async () => {
    session.user = as.admin;
    const file = await candidateIn(db.db, home, {
      stage: 'probationary',
      appliedOn: '2022-01-10',
      talkedOn: '2022-01-20',
      activistOn: '2022-03-01',
      targetOn: '2023-05-01',
      politicalReviewOn: '2023-06-01',
      concentratedTrainingOn: '2023-07-01',
      concentratedTrainingDays: 3,
      preReviewedOn: '2024-04-01',
      probationaryOn: '2024-07-01',
      approvedOn: '2024-08-01',
      oathOn: '2024-08-15',
    });
    const transition = (fromStage: 'development_target' | 'probationary', step: 'to_probationary' | 'approval' | 'oath', decidedOn: string) => ({
      recordId: file.record.id,
      fromStage,
      toStage: 'probationary' as const,
      step,
      decidedOn,
      decidingBody: 'general_meeting' as const,
    });
    const [admitted] = await db.db
      .insert(developmentTransitions)
      .values([transition('development_target', 'to_probationary', '2024-07-01'), transition('probationary', 'approval', '2024-08-01'), transition('probationary', 'oath', '2024-08-15')])
      .returning();
    expect(await submit(recordDevelopmentStepAction, await stepForm(db.db, 'extend', file, { decidedOn: '2025-06-20', extensionMonths: '6' }))).toMatchObject({ kind: 'redirect' });
    let record = await recordOf(file.record.id);
    expect(record.probationExtendedUntil).toBe('2026-01-01');

    const lastAudit = await lastAuditId(db.db);
    expect(await submit(correctDevelopmentStepAction, correctionForm({ ...file, record }, admitted!.id, '2024-05-01', '支部大会实际于 5 月 1 日召开'))).toMatchObject({ kind: 'redirect' });
    record = await recordOf(file.record.id);
    expect(record).toMatchObject({ probationaryOn: '2024-05-01', extendedOn: '2025-06-20', extensionMonths: 6, probationExtendedUntil: '2025-11-01' });
    const [audit] = await auditRowsAfter(db.db, lastAudit);
    expect(audit).toMatchObject({ action: 'development.correct', before: { probationExtendedUntil: '2026-01-01' }, after: { decidedOn: '2024-05-01', probationExtendedUntil: '2025-11-01' } });

    // Converted after the new end: moving the admission day back would put the conversion inside the extended probation.
    expect(await submit(recordDevelopmentStepAction, await stepForm(db.db, 'to_full_member', { ...file, record }, { decidedOn: '2025-11-05' }))).toMatchObject({ kind: 'redirect' });
    record = await recordOf(file.record.id);
    const refused = await submit(correctDevelopmentStepAction, correctionForm({ ...file, record }, admitted!.id, '2024-07-01'));
    expect(refused).toMatchObject({ kind: 'state', state: { status: 400, fieldErrors: { correctedOn: [expect.stringMatching(/^后续步骤「支部大会讨论转为正式党员」（2025-11-05）将不符合规定：.*延长后的预备期期满后方可讨论转正（2026-01-01 期满/)] } } });
    expect(await recordOf(file.record.id)).toEqual(record);
  });

  for (const role of roles.filter((r) => r !== 'admin')) {
    it(`as ${role}: 403, nothing written, no audit row`, async () => {
      const file = await candidateIn(db.db, home, readyFor('talk'));
      const [applied] = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.recordId, file.record.id));
      session.user = as[role];
      const before = { corrections: await corrections(), audit: await lastAuditId(db.db) };
      expect(await submit(correctDevelopmentStepAction, correctionForm(file, applied!.id, inDays(-12)))).toEqual({ kind: 'state', state: { ok: false, status: 403, message: '您没有执行此操作的权限。' } });
      expect(await corrections()).toBe(before.corrections);
      expect(await recordOf(file.record.id)).toEqual(file.record);
      expect(await auditRowsAfter(db.db, before.audit)).toEqual([]);
    });
  }
});
