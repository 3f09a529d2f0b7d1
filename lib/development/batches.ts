import 'server-only';
import { asc, eq, inArray, max } from 'drizzle-orm';
import { branches } from '@/db/schema/branches';
import { developmentAssessments, developmentBatches, type DevelopmentBatchOutcome, developmentRecords, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { trainingRounds } from '@/db/schema/training';
import { AppError } from '@/lib/errors';
import { writeSteps } from './commands';
import { wholeHours } from './concentrated-training';
import { effectiveOn } from './effective';
import { type Acceptance, validateStep } from './engine';
import { fileOf, loadDevelopmentRuleSets } from './queries';
import { concentratedTrainingsInRound } from './training-link';
import type { DevelopmentBatchInput } from './schemas';
import { steps } from './steps';

// A batch step (集中宣誓, 集中培训 …): one step with one date for many people. Each person is
// judged alone by the same engine as a single step; the accepted steps, the batch row and its
// audit row commit together, the refused write nothing and are listed with the rule quoted.

type RecordRow = typeof developmentRecords.$inferSelect;

/** An accepted person and the fields their step is written with (a cited round gives each their own). */
type Accepted = {
  record: RecordRow;
  verdict: Acceptance;
  fields: { decidedOn: string; trainingDays: number | null; trainingHours: number | null; traineeId: number | null };
};

/** The round a batch training cites: it must exist and be a concentrated training (集中培训). */
async function concentratedRoundFor(ctx: ActionContext, roundId: number) {
  const [round] = await ctx.tx
    .select({ id: trainingRounds.id, name: trainingRounds.name, kind: trainingRounds.kind, endsOn: trainingRounds.endsOn })
    .from(trainingRounds)
    .where(eq(trainingRounds.id, roundId));
  if (!round || round.kind !== 'concentrated') throw new AppError('invalid', '请选择一期集中培训班。', 'roundId');
  return round;
}

export async function runDevelopmentBatch(ctx: ActionContext, input: DevelopmentBatchInput) {
  // Locked in id order, so two batches over the same people queue instead of deadlocking.
  const rows = await ctx.tx
    .select({ record: developmentRecords, name: people.name, branchName: branches.name })
    .from(developmentRecords)
    .innerJoin(people, eq(people.id, developmentRecords.personId))
    .innerJoin(branches, eq(branches.id, developmentRecords.branchId))
    .where(inArray(developmentRecords.personId, input.personIds))
    .orderBy(asc(developmentRecords.id))
    .for('update', { of: developmentRecords });
  for (const { record } of rows) ctx.authorizeTarget({ branchId: record.branchId });
  const recordIds = rows.map((r) => r.record.id);
  const [sets, lastSteps, assessments, strangers] = await Promise.all([
    loadDevelopmentRuleSets(ctx.tx),
    recordIds.length
      ? ctx.tx
          .select({ recordId: developmentTransitions.recordId, on: max(effectiveOn(developmentTransitions.id, developmentTransitions.decidedOn)) })
          .from(developmentTransitions)
          .where(inArray(developmentTransitions.recordId, recordIds))
          .groupBy(developmentTransitions.recordId)
      : Promise.resolve([]),
    recordIds.length
      ? ctx.tx.select({ recordId: developmentAssessments.recordId, assessedOn: developmentAssessments.assessedOn }).from(developmentAssessments).where(inArray(developmentAssessments.recordId, recordIds))
      : Promise.resolve([]),
    // People picked who have no file (or no longer exist): named when they exist, refused either way.
    ctx.tx
      .select({ id: people.id, name: people.name, branchName: branches.name })
      .from(people)
      .innerJoin(branches, eq(branches.id, people.branchId))
      .where(inArray(people.id, input.personIds)),
  ]);
  const lastOf = new Map(lastSteps.map((r) => [r.recordId, r.on]));
  const today = todayInBeijing();
  // A training citing a concentrated round: each person's date, days and hours are their completion's.
  const round = input.roundId === null ? null : await concentratedRoundFor(ctx, input.roundId);
  const cited = round
    ? await concentratedTrainingsInRound(
        ctx.tx,
        round.id,
        rows.map((r) => r.record.personId),
      )
    : null;
  const accepted: Accepted[] = [];
  const outcomes = new Map<number, DevelopmentBatchOutcome>();
  for (const { record, name, branchName } of rows) {
    const training = cited?.get(record.personId) ?? null;
    if (cited && !training) {
      outcomes.set(record.personId, { personId: record.personId, name, branchName, ok: false, field: 'roundId', reason: `未在“${round!.name}”结业，不能按该班记录集中培训。` });
      continue;
    }
    const fields = training
      ? { decidedOn: training.completedOn, trainingDays: training.days, trainingHours: training.hours, traineeId: training.traineeId }
      : { decidedOn: input.decidedOn!, trainingDays: input.trainingDays, trainingHours: input.trainingHours, traineeId: null };
    const verdict = validateStep(
      fileOf(
        record,
        assessments.filter((a) => a.recordId === record.id),
        lastOf.get(record.id) ?? null,
      ),
      { step: input.step, decidedOn: fields.decidedOn, note: input.note, trainingDays: fields.trainingDays, trainingHours: fields.trainingHours, extensionMonths: input.extensionMonths },
      sets,
      today,
    );
    if (verdict.ok) {
      accepted.push({ record, verdict, fields });
      outcomes.set(record.personId, { personId: record.personId, name, branchName, ok: true, fromStage: record.stage, toStage: verdict.toStage ?? record.stage });
    } else {
      outcomes.set(record.personId, { personId: record.personId, name, branchName, ok: false, field: verdict.field, reason: verdict.message });
    }
  }
  const found = new Map(strangers.map((p) => [p.id, p]));
  for (const id of input.personIds) {
    if (outcomes.has(id)) continue;
    const person = found.get(id);
    outcomes.set(id, { personId: id, name: person?.name ?? `#${id}`, branchName: person?.branchName ?? '', ok: false, field: 'people', reason: person ? '该人员没有发展档案。' : '没有找到该人员。' });
  }
  const list = input.personIds.map((id) => outcomes.get(id)!);
  const moved = list.filter((o) => o.ok).length;
  const fields = {
    ...(input.step === 'training' ? (round ? { roundId: round.id, roundName: round.name } : { trainingDays: input.trainingDays, trainingHours: input.trainingHours }) : {}),
    ...(input.step === 'extend' ? { extensionMonths: input.extensionMonths } : {}),
    ...(input.step === 'assessment' ? { result: input.result ?? null } : {}),
  };
  const [batch] = await ctx.tx
    .insert(developmentBatches)
    .values({
      step: input.step,
      // A round's batch is dated by the latest completion it wrote (its end when none was accepted).
      decidedOn: input.decidedOn ?? (accepted.map((a) => a.fields.decidedOn).sort().at(-1) || round!.endsOn),
      decidingBody: steps[input.step].body,
      note: input.note,
      fields,
      movedCount: moved,
      refusedCount: list.length - moved,
      outcomes: list,
      createdBy: ctx.user.id,
    })
    .returning({ id: developmentBatches.id });
  // People with the same date, days and hours are written together (a round's class usually is one group).
  const groups = new Map<string, Accepted[]>();
  for (const a of accepted) {
    const key = `${a.fields.decidedOn}|${a.fields.trainingDays}|${a.fields.trainingHours}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const group of groups.values()) {
    const { decidedOn, trainingDays, trainingHours } = group[0]!.fields;
    const traineeOf = new Map(group.filter((a) => a.fields.traineeId !== null).map((a) => [a.record.id, a.fields.traineeId!]));
    await writeSteps(ctx, { ...input, decidedOn, trainingDays, trainingHours: trainingHours === null ? null : wholeHours(trainingHours) }, group, batch!.id, traineeOf);
  }
  await ctx.audit({
    action: 'development.batch',
    entityType: 'development_batch',
    entityId: batch!.id,
    after: {
      step: input.step,
      decidedOn: input.decidedOn,
      decidingBody: steps[input.step].body,
      ...fields,
      moved: accepted.map(({ record, verdict, fields: f }) => ({
        personId: record.personId,
        recordId: record.id,
        from: record.stage,
        to: verdict.toStage ?? record.stage,
        ruleSet: verdict.ruleSet.name,
        ...(f.traineeId ? { decidedOn: f.decidedOn, traineeId: f.traineeId } : {}),
      })),
      refused: list.filter((o) => !o.ok).map((o) => ({ personId: o.personId, reason: o.ok ? null : o.reason })),
    },
  });
  return { batchId: batch!.id, moved, refused: list.length - moved };
}
