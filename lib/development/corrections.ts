import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { developmentAssessments, developmentCorrections, developmentRecords, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { checkCorrection, correctedExtensionEnd, type WrittenStep } from './correction-check';
import { effectiveOn } from './effective';
import { fileOf, loadDevelopmentRuleSets } from './queries';
import type { CorrectStepInput } from './schemas';
import { dateColumnOf, steps } from './steps';

// Correcting a written step's date (补正). The step row stays as written (append-only); a
// correction row supersedes its date, the file's date column follows (with an extended end of
// probation, counted from the admission day), and so do the engine, the board and the figures. Judged by correction-check.ts; one audit row with the reason.

export async function correctDevelopmentStep(ctx: ActionContext, input: CorrectStepInput) {
  const [record] = await ctx.tx.select().from(developmentRecords).where(eq(developmentRecords.personId, input.personId)).for('update');
  if (!record) throw new AppError('not_found', '没有找到该党员的发展档案。');
  ctx.authorizeTarget({ branchId: record.branchId });
  if (record.version !== input.version) throw new AppError('conflict', '该档案已被他人更新，请刷新页面后重新填写。');
  const on = effectiveOn(developmentTransitions.id, developmentTransitions.decidedOn);
  const [written, assessments, sets] = await Promise.all([
    ctx.tx
      .select({ id: developmentTransitions.id, step: developmentTransitions.step, fromStage: developmentTransitions.fromStage, toStage: developmentTransitions.toStage, on })
      .from(developmentTransitions)
      .where(eq(developmentTransitions.recordId, record.id))
      .orderBy(asc(on), asc(developmentTransitions.id)),
    ctx.tx.select({ assessedOn: developmentAssessments.assessedOn }).from(developmentAssessments).where(eq(developmentAssessments.recordId, record.id)),
    loadDevelopmentRuleSets(ctx.tx),
  ]);
  const list: WrittenStep[] = written.map((w) => ({ ...w, on: String(w.on).slice(0, 10) }));
  const target = list.find((w) => w.id === input.transitionId);
  // A training citing a training record is dated by that record's completion, not by hand.
  if (target?.step === 'training' && record.concentratedTraineeId !== null) {
    throw new AppError('invalid', '该集中培训取自培训记录，日期以结业日期为准，不能补正；如结业日期有误，请核对该培训班的结业记录。', 'transitionId');
  }
  const refusal = checkCorrection(fileOf(record, assessments, list.at(-1)?.on ?? null), list, input.transitionId, input.correctedOn, sets, todayInBeijing(), record.extensionMonths);
  if (refusal) throw new AppError('invalid', refusal.message, refusal.field);
  const step = target!.step as keyof typeof dateColumnOf;
  const column = dateColumnOf[step]!;
  // An extension's end is counted from the admission day: it moves with it (the extension's own date does not move it).
  const extendedUntil = step === 'to_probationary' ? correctedExtensionEnd(record, record.extensionMonths, input.correctedOn, sets) : null;

  await ctx.tx.insert(developmentCorrections).values({ transitionId: target!.id, recordId: record.id, previousOn: target!.on, correctedOn: input.correctedOn, reason: input.reason, createdBy: ctx.user.id });
  await ctx.tx
    .update(developmentRecords)
    .set({ [column]: input.correctedOn, ...(extendedUntil ? { probationExtendedUntil: extendedUntil } : {}), version: sql`${developmentRecords.version} + 1` })
    .where(eq(developmentRecords.id, record.id));
  // The roster follows: the day the current stage began, and the day of joining the party.
  const beganStage = step !== 'apply' && steps[step].to !== null && target!.toStage === record.stage;
  if (beganStage || step === 'to_probationary') {
    await ctx.tx
      .update(people)
      .set({ ...(beganStage ? { statusSince: input.correctedOn } : {}), ...(step === 'to_probationary' ? { joinedPartyOn: input.correctedOn } : {}), version: sql`${people.version} + 1` })
      .where(eq(people.id, record.personId));
  }
  await ctx.audit({
    action: 'development.correct',
    entityType: 'development_record',
    entityId: record.id,
    before: { transitionId: target!.id, step, decidedOn: target!.on, ...(extendedUntil ? { probationExtendedUntil: record.probationExtendedUntil } : {}) },
    after: { personId: record.personId, transitionId: target!.id, step, decidedOn: input.correctedOn, ...(extendedUntil ? { probationExtendedUntil: extendedUntil } : {}), reason: input.reason },
  });
  return { personId: record.personId };
}
