import './setup/request-mocks';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { developmentRecords, developmentTransitions } from '@/db/schema/development';
import { trainees, trainingAttendance, trainingRounds, trainingSessions, type TrainingKind } from '@/db/schema/training';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { addDays } from '@/lib/calendar/days';
import { correctDevelopmentStepAction, recordDevelopmentStepAction } from '@/lib/development/actions';
import { getDevelopmentFile } from '@/lib/development/queries';
import { MANUAL_TRAINING_NOTE } from '@/lib/development/schemas';
import { auditRowsAfter, branchIdOf, demoUsername, form, lastAuditId, signedIn, submit } from './auth-fixtures';
import { candidateIn, inDays, readyFor, SECRETARY_BRANCH, stepForm } from './development-fixtures';
import { session } from './setup/request-mocks';
import { withDemoDatabase } from './setup/demo-database';

// The 集中培训 step cites a completion in a concentrated round: the date, days and hours come from
// the training record and are judged by the engine; only this person's completions of
// concentrated rounds can be cited; a training entered by hand must say where and when it was held.

const db = withDemoDatabase();
const as = {} as Record<Role, SessionUser>;
let home: number;
let made = 0;

beforeAll(async () => {
  for (const role of roles) as[role] = await signedIn(db.db, demoUsername[role]);
  home = await branchIdOf(db.db, SECRETARY_BRANCH);
});

/** A round of `kind` with one session a day of the given hours, `person` enrolled and present at every one. */
async function trainedIn(person: { id: number; branchId: number }, { kind = 'concentrated' as TrainingKind, hours = [8, 8, 8], completed = true, startsOn = inDays(-40) } = {}) {
  const endsOn = addDays(startsOn, hours.length - 1);
  const required = hours.reduce((a, b) => a + b, 0);
  const [round] = await db.db
    .insert(trainingRounds)
    .values({ name: `测试发展对象培训班${++made}`, kind, audience: 'development_targets', startsOn, endsOn, requiredHours: required, organizer: '市委市级机关工委组织部' })
    .returning();
  const sessions = await db.db
    .insert(trainingSessions)
    .values(hours.map((h, i) => ({ roundId: round!.id, heldOn: addDays(startsOn, i), hours: h, topic: `测试课次${made}-${i}` })))
    .returning();
  const [trainee] = await db.db.insert(trainees).values({ roundId: round!.id, personId: person.id, branchId: person.branchId, enrolledOn: addDays(startsOn, -5) }).returning();
  await db.db.insert(trainingAttendance).values(sessions.map((s) => ({ sessionId: s.id, traineeId: trainee!.id })));
  if (completed) await db.db.update(trainees).set({ completed: true, completedOn: endsOn, certificateNo: `TEST-FZ-${made}` }).where(eq(trainees.id, trainee!.id));
  return { round: round!, trainee: trainee!, endsOn };
}

async function snapshot(recordId: number) {
  const [record] = await db.db.select().from(developmentRecords).where(eq(developmentRecords.id, recordId));
  const [steps] = await db.db.select({ n: count() }).from(developmentTransitions).where(eq(developmentTransitions.recordId, recordId));
  return { record, steps: steps!.n };
}

/** The training step with a record cited and nothing typed (the form hides date, days and hours). */
const linkedForm = (file: Awaited<ReturnType<typeof candidateIn>>, traineeId: number, overrides: Record<string, string> = {}) =>
  stepForm(db.db, 'training', file, { traineeId: String(traineeId), decidedOn: '', trainingDays: '', trainingHours: '', note: '', ...overrides });

async function refused(file: Awaited<ReturnType<typeof candidateIn>>, formData: FormData, field: string, message: string | RegExp) {
  session.user = as.branch_secretary;
  const before = await snapshot(file.record.id);
  const lastAudit = await lastAuditId(db.db);
  const outcome = await submit(recordDevelopmentStepAction, formData);
  expect(outcome).toMatchObject({ kind: 'state', state: { ok: false, status: 400 } });
  const text = outcome.kind === 'state' ? (outcome.state.fieldErrors?.[field]?.[0] ?? '') : '';
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
  expect(await snapshot(file.record.id)).toEqual(before);
  expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
}

describe('a training step citing a training record', () => {
  it('offers the completions, takes the date, days and hours from the one cited and links it', async () => {
    session.user = as.branch_secretary;
    const file = await candidateIn(db.db, home, readyFor('training'));
    const { round, trainee, endsOn } = await trainedIn(file.person, { hours: [8, 8, 8.5] });
    // Not offered: a rotation round completed, a concentrated round not completed.
    await trainedIn(file.person, { kind: 'rotation', startsOn: inDays(-80) });
    await trainedIn(file.person, { completed: false, startsOn: inDays(-70) });
    const view = await getDevelopmentFile(as.branch_secretary, file.person.id);
    expect(view!.trainingOptions).toEqual([{ traineeId: trainee.id, roundId: round.id, roundName: round.name, completedOn: endsOn, days: 3, hours: 24.5, certificateNo: `TEST-FZ-${made - 2}` }]);

    const lastAudit = await lastAuditId(db.db);
    // A typed date and days are ignored: the record is the evidence.
    const outcome = await submit(recordDevelopmentStepAction, await linkedForm(file, trainee.id, { decidedOn: inDays(0), trainingDays: '1' }));
    expect(outcome).toEqual({ kind: 'redirect', url: `/admin/development/${file.person.id}?saved=1` });
    const { record } = await snapshot(file.record.id);
    expect(record).toMatchObject({ concentratedTrainingOn: endsOn, concentratedTrainingDays: 3, concentratedTrainingHours: 24, concentratedTraineeId: trainee.id, stage: 'development_target' });
    const [step] = await db.db.select().from(developmentTransitions).where(eq(developmentTransitions.recordId, file.record.id)).orderBy(developmentTransitions.id).then((rows) => rows.slice(-1));
    expect(step).toMatchObject({ step: 'training', decidedOn: endsOn, decidingBody: 'higher_committee', note: null });
    const audit = await auditRowsAfter(db.db, lastAudit);
    expect(audit.map((r) => r.action)).toEqual(['development.step']);
    expect(audit[0]!.after).toMatchObject({ step: 'training', decidedOn: endsOn, traineeId: trainee.id, trainingDays: 3, trainingHours: 24 });

    const after = await getDevelopmentFile(as.branch_secretary, file.person.id);
    expect(after!.linkedTraining).toMatchObject({ traineeId: trainee.id, roundId: round.id, completedOn: endsOn, days: 3, hours: 24.5 });
    expect(after!.trainingOptions).toEqual([]);

    // Its date is the record's: a 补正 of it is refused, nothing written.
    session.user = as.admin;
    const auditBefore = await lastAuditId(db.db);
    const recordBefore = (await snapshot(file.record.id)).record;
    const corrected = await submit(correctDevelopmentStepAction, form({ personId: file.person.id, version: after!.version, transitionId: step!.id, correctedOn: inDays(-5), reason: '以会议记录为准' }));
    expect(corrected).toMatchObject({ kind: 'state', state: { ok: false, fieldErrors: { transitionId: [expect.stringMatching(/^该集中培训取自培训记录，日期以结业日期为准，不能补正/)] } } });
    expect((await snapshot(file.record.id)).record).toEqual(recordBefore);
    expect(await auditRowsAfter(db.db, auditBefore)).toEqual([]);
  });

  it('refuses another person’s completion, an uncompleted one, a round that is not concentrated and an unknown id, writing nothing', async () => {
    const file = await candidateIn(db.db, home, readyFor('training'));
    const other = await candidateIn(db.db, home, readyFor('training'));
    const message = '所选培训记录不存在，或该党员未在该班结业。';
    const theirs = await trainedIn(other.person);
    await refused(file, await linkedForm(file, theirs.trainee.id), 'traineeId', message);
    const unfinished = await trainedIn(file.person, { completed: false });
    await refused(file, await linkedForm(file, unfinished.trainee.id), 'traineeId', message);
    const rotation = await trainedIn(file.person, { kind: 'rotation' });
    await refused(file, await linkedForm(file, rotation.trainee.id), 'traineeId', message);
    await refused(file, await linkedForm(file, 2_000_000_000), 'traineeId', message);
    await refused(file, await linkedForm(file, 0), 'traineeId', '请选择培训记录。');
  });

  it('refuses a class of two days and 16 hours with the rule quoted beside the record', async () => {
    const file = await candidateIn(db.db, home, readyFor('training'));
    const short = await trainedIn(file.person, { hours: [8, 8] });
    await refused(file, await linkedForm(file, short.trainee.id), 'traineeId', /按《中国共产党发展党员工作细则（2014年）》，发展对象集中培训时间一般不少于 3 天或不少于 24 个学时（本次 2 天、16 学时）/);
  });

  it('refuses a record completed before the file’s last step, beside the record', async () => {
    const file = await candidateIn(db.db, home, readyFor('training'));
    const early = await trainedIn(file.person, { startsOn: inDays(-1200) });
    await refused(file, await linkedForm(file, early.trainee.id), 'traineeId', /不能作为集中培训：日期不能早于上一步骤的日期/);
  });
});

describe('a training typed by hand', () => {
  it('needs a note saying where and when it was held', async () => {
    const file = await candidateIn(db.db, home, readyFor('training'));
    await refused(file, await stepForm(db.db, 'training', file, { note: '' }), 'note', MANUAL_TRAINING_NOTE);
  });

  it('is written with the typed days and hours and no record linked', async () => {
    session.user = as.branch_secretary;
    const file = await candidateIn(db.db, home, readyFor('training'));
    const outcome = await submit(recordDevelopmentStepAction, await stepForm(db.db, 'training', file, { traineeId: '' }));
    expect(outcome).toMatchObject({ kind: 'redirect' });
    const { record } = await snapshot(file.record.id);
    expect(record).toMatchObject({ concentratedTrainingOn: inDays(0), concentratedTrainingDays: 3, concentratedTrainingHours: 24, concentratedTraineeId: null });
  });
});

describe('the demo', () => {
  it('lets the secretary cite the concentrated round from the files of the branch’s untrained development targets', async () => {
    session.user = as.branch_secretary;
    const enrolled = await db.db
      .select({ personId: trainees.personId, completed: trainees.completed, record: developmentRecords })
      .from(trainees)
      .innerJoin(trainingRounds, eq(trainingRounds.id, trainees.roundId))
      .innerJoin(developmentRecords, eq(developmentRecords.personId, trainees.personId))
      .where(and(eq(trainingRounds.kind, 'concentrated'), eq(trainingRounds.name, '2026年第一期发展对象集中培训班')));
    expect(enrolled.length).toBeGreaterThan(0);
    for (const { personId, completed, record } of enrolled) {
      expect(completed).toBe(true);
      expect(record).toMatchObject({ branchId: home, stage: 'development_target', concentratedTrainingOn: null });
      const view = await getDevelopmentFile(as.branch_secretary, personId);
      expect(view!.trainingOptions).toEqual([expect.objectContaining({ roundName: '2026年第一期发展对象集中培训班', completedOn: '2026-03-18', days: 3, hours: 24, certificateNo: expect.stringMatching(/^FZ2026-\d{5}$/) })]);
      expect(view!.offered).toContainEqual({ step: 'training', allowed: true, reason: null });
    }
  });
});
