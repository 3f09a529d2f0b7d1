import 'server-only';
import { eq, inArray, max, sql } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { developmentAssessments, developmentIntroducers, developmentRecords, developmentRuleSets, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { effectiveOn } from './effective';
import { type Acceptance, validateStep } from './engine';
import { pickRuleSet } from '@/lib/rules/pick';
import { fileOf, loadDevelopmentRuleSets } from './queries';
import { type ConcentratedTraining, wholeHours } from './concentrated-training';
import { concentratedTrainingOption } from './training-link';
import type { DevelopmentStepInput, NewDevelopmentRuleSet, OpenDevelopmentFileInput } from './schemas';
import { dateColumnOf, steps } from './steps';

// Writes of member development. A step is judged by the engine against the rule set in force on
// its date, then written in one transaction: the step row, the record's stage and dates, the
// introducers or assessment it brings, the roster status, and the audit row.

const rosterStages = new Set(['activist', 'development_target', 'probationary', 'full_member']);

type RecordRow = typeof developmentRecords.$inferSelect;

/** What a step writes besides its kind and date: the fields the engine judged (a training's may cite a training record). */
export type StepFields = Pick<DevelopmentStepInput, 'step' | 'note' | 'trainingDays' | 'trainingHours' | 'extensionMonths' | 'result'> & { decidedOn: string; traineeId?: number | null };

/**
 * Writes steps the engine accepted, one per record, all of the same kind and date: the step rows,
 * the records' stage and dates, the assessment rows and the roster status. Set-based, so a batch of
 * 150 is a handful of statements. Returns the step row ids in the order of `accepted`.
 */
export async function writeSteps(
  ctx: ActionContext,
  input: StepFields,
  accepted: readonly { record: RecordRow; verdict: Acceptance }[],
  batchId: number | null,
  /** A batch citing a round: each file's own completion (record id → trainee id), instead of `input.traineeId`. */
  traineeOf?: ReadonlyMap<number, number>,
): Promise<number[]> {
  if (accepted.length === 0) return [];
  const written = await ctx.tx
    .insert(developmentTransitions)
    .values(
      accepted.map(({ record, verdict }) => ({
        recordId: record.id,
        fromStage: record.stage,
        toStage: verdict.toStage ?? record.stage,
        step: input.step,
        decidedOn: input.decidedOn,
        decidingBody: verdict.body,
        note: input.note,
        ruleSetId: verdict.ruleSet.id,
        batchId,
        createdBy: ctx.user.id,
      })),
    )
    .returning({ id: developmentTransitions.id, recordId: developmentTransitions.recordId });
  const transitionOf = new Map(written.map((w) => [w.recordId, w.id]));
  const ids = accepted.map(({ record }) => record.id);
  const column = dateColumnOf[input.step];
  const toStage = steps[input.step].to;
  if (input.step === 'extend') {
    // The new end of probation differs per person: one update each.
    for (const { record, verdict } of accepted) {
      await ctx.tx
        .update(developmentRecords)
        .set({ extendedOn: input.decidedOn, extensionMonths: input.extensionMonths, probationExtendedUntil: verdict.extendedUntil, version: sql`${developmentRecords.version} + 1` })
        .where(eq(developmentRecords.id, record.id));
    }
  } else {
    await ctx.tx
      .update(developmentRecords)
      .set({
        ...(toStage ? { stage: toStage } : {}),
        ...(column ? { [column]: input.decidedOn } : {}),
        ...(input.step === 'training' ? { concentratedTrainingDays: input.trainingDays, concentratedTrainingHours: input.trainingHours, concentratedTraineeId: input.traineeId ?? null } : {}),
        version: sql`${developmentRecords.version} + 1`,
      })
      .where(inArray(developmentRecords.id, ids));
    if (input.step === 'training' && traineeOf?.size) {
      // Each file cites its own completion: one statement for the lot.
      const pairs = [...traineeOf].map(([recordId, traineeId]) => sql`(${recordId}::int, ${traineeId}::int)`);
      await ctx.tx.execute(
        sql`update development_records d set concentrated_trainee_id = v.trainee_id from (values ${sql.join(pairs, sql`, `)}) v(record_id, trainee_id) where d.id = v.record_id`,
      );
    }
  }
  if (input.step === 'assessment') {
    await ctx.tx.insert(developmentAssessments).values(
      accepted.map(({ record }) => ({
        recordId: record.id,
        assessedOn: input.decidedOn,
        result: input.result as 'excellent' | 'qualified' | 'unqualified',
        note: input.note,
        transitionId: transitionOf.get(record.id)!,
        createdBy: ctx.user.id,
      })),
    );
  }
  if (toStage && rosterStages.has(toStage)) {
    await ctx.tx
      .update(people)
      .set({
        status: toStage as 'activist' | 'development_target' | 'probationary' | 'full_member',
        statusSince: input.decidedOn,
        ...(toStage === 'probationary' ? { joinedPartyOn: input.decidedOn } : {}),
        version: sql`${people.version} + 1`,
      })
      .where(
        inArray(
          people.id,
          accepted.map(({ record }) => record.personId),
        ),
      );
  }
  return accepted.map(({ record }) => transitionOf.get(record.id)!);
}

/** The fields a step is judged and written with: a training citing a record takes the record's day, days and hours. */
function stepFieldsOf(input: DevelopmentStepInput, training: ConcentratedTraining | null): StepFields & { judgedHours: number | null } {
  if (training) {
    return { ...input, decidedOn: training.completedOn, trainingDays: training.days, trainingHours: wholeHours(training.hours), judgedHours: training.hours, traineeId: training.traineeId };
  }
  if (input.decidedOn === null) throw new AppError('invalid', '请填写日期（年-月-日）。', 'decidedOn');
  return { ...input, decidedOn: input.decidedOn, traineeId: null, judgedHours: input.trainingHours };
}

const NOT_A_COMPLETION = '所选培训记录不存在，或该党员未在该班结业。';

export async function recordDevelopmentStep(ctx: ActionContext, input: DevelopmentStepInput) {
  const [record] = await ctx.tx.select().from(developmentRecords).where(eq(developmentRecords.personId, input.personId)).for('update');
  if (!record) throw new AppError('not_found', '没有找到该党员的发展档案。');
  ctx.authorizeTarget({ branchId: record.branchId });
  if (record.version !== input.version) throw new AppError('conflict', '该档案已被他人更新，请刷新页面后重新填写。');
  const training = input.traineeId === null ? null : await concentratedTrainingOption(ctx.tx, record.personId, input.traineeId);
  if (input.traineeId !== null && !training) throw new AppError('invalid', NOT_A_COMPLETION, 'traineeId');
  const fields = stepFieldsOf(input, training);

  const introducerIds = [input.introducer1, input.introducer2].filter((id): id is number => id !== null);
  const [sets, assessments, [last], found] = await Promise.all([
    loadDevelopmentRuleSets(ctx.tx),
    ctx.tx.select({ assessedOn: developmentAssessments.assessedOn }).from(developmentAssessments).where(eq(developmentAssessments.recordId, record.id)),
    ctx.tx.select({ on: max(effectiveOn(developmentTransitions.id, developmentTransitions.decidedOn)) }).from(developmentTransitions).where(eq(developmentTransitions.recordId, record.id)),
    introducerIds.length ? ctx.tx.select({ id: people.id, name: people.name, status: people.status, branchId: people.branchId }).from(people).where(inArray(people.id, introducerIds)) : Promise.resolve([]),
  ]);
  // Someone outside the actor's scope reads as unknown: the refusal must not reveal their name or status.
  const byId = new Map(found.filter((p) => can(ctx.user, 'development.write', { branchId: p.branchId })).map((p) => [p.id, p]));
  const resolve = (id: number | null) => (id === null ? null : (byId.get(id) ?? null));
  const verdict = validateStep(
    fileOf(record, assessments, last?.on ?? null),
    {
      step: fields.step,
      decidedOn: fields.decidedOn,
      note: fields.note,
      introducers: input.step === 'to_target' ? [resolve(input.introducer1), resolve(input.introducer2)] : undefined,
      trainingDays: fields.trainingDays,
      trainingHours: fields.judgedHours,
      extensionMonths: fields.extensionMonths,
    },
    sets,
    todayInBeijing(),
  );
  if (!verdict.ok) {
    // A cited record's date, days and hours are not on the form: the refusal belongs to the record.
    if (training && ['decidedOn', 'trainingDays', 'trainingHours'].includes(verdict.field)) {
      throw new AppError('invalid', `所选培训记录（${training.completedOn} 结业）不能作为集中培训：${verdict.message}`, 'traineeId');
    }
    throw new AppError('invalid', verdict.message, verdict.field);
  }

  const [transitionId] = await writeSteps(ctx, fields, [{ record, verdict }], null);
  const toStage = verdict.toStage ?? record.stage;
  if (input.step === 'to_target') {
    await ctx.tx.insert(developmentIntroducers).values(introducerIds.map((personId) => ({ recordId: record.id, personId, assignedOn: fields.decidedOn, transitionId: transitionId!, createdBy: ctx.user.id })));
  }
  await ctx.audit({
    action: 'development.step',
    entityType: 'development_record',
    entityId: record.id,
    before: { stage: record.stage },
    after: {
      personId: record.personId,
      step: input.step,
      stage: toStage,
      decidedOn: fields.decidedOn,
      decidingBody: verdict.body,
      ruleSet: verdict.ruleSet.name,
      ...(input.step === 'training' ? { traineeId: fields.traineeId, trainingDays: fields.trainingDays, trainingHours: fields.trainingHours } : {}),
      ...(introducerIds.length && input.step === 'to_target' ? { introducers: introducerIds } : {}),
      ...(input.step === 'extend' ? { extendedUntil: verdict.extendedUntil } : {}),
    },
  });
  return { personId: record.personId, transitionId: transitionId! };
}

/** Registers an application (入党申请): the file starts at 入党申请人, dated by the day it was handed in. */
export async function openDevelopmentFile(ctx: ActionContext, input: OpenDevelopmentFileInput) {
  const [person] = await ctx.tx.select().from(people).where(eq(people.id, input.personId)).for('update');
  if (!person) throw new AppError('not_found', '没有找到该人员。');
  ctx.authorizeTarget({ branchId: person.branchId });
  if (person.status !== 'applicant') throw new AppError('invalid', '只有政治面貌为“入党申请人”的人员可以登记入党申请；请先在名册中核对其政治面貌。', 'appliedOn');
  const [existing] = await ctx.tx.select({ id: developmentRecords.id }).from(developmentRecords).where(eq(developmentRecords.personId, person.id));
  if (existing) throw new AppError('conflict', '该人员已有发展档案。', 'appliedOn');
  const today = todayInBeijing();
  if (input.appliedOn > today) throw new AppError('invalid', `日期不能晚于今天（${today}）。`, 'appliedOn');
  const ruleSet = pickRuleSet(await loadDevelopmentRuleSets(ctx.tx), input.appliedOn);
  if (!ruleSet) throw new AppError('invalid', `${input.appliedOn} 之前没有生效的发展党员工作规则。`, 'appliedOn');
  const [record] = await ctx.tx
    .insert(developmentRecords)
    .values({ personId: person.id, branchId: person.branchId, stage: 'applicant', appliedOn: input.appliedOn, createdBy: ctx.user.id })
    .returning({ id: developmentRecords.id });
  await ctx.tx
    .insert(developmentTransitions)
    .values({ recordId: record!.id, fromStage: null, toStage: 'applicant', step: 'apply', decidedOn: input.appliedOn, decidingBody: 'branch_committee', ruleSetId: ruleSet.id, createdBy: ctx.user.id });
  await ctx.tx.update(people).set({ statusSince: input.appliedOn, version: sql`${people.version} + 1` }).where(eq(people.id, person.id));
  await ctx.audit({ action: 'development.open', entityType: 'development_record', entityId: record!.id, after: { personId: person.id, appliedOn: input.appliedOn, ruleSet: ruleSet.name } });
  return { personId: person.id };
}

const dateTaken = () => new AppError('conflict', '该生效日期已有一套发展党员规则，每个生效日期只能有一套。', 'effectiveFrom');

/** A new version of the development rules; like branch rules, it takes effect after today, never retroactively. */
export async function createDevelopmentRuleSet(ctx: ActionContext, input: NewDevelopmentRuleSet) {
  const today = todayInBeijing();
  if (input.effectiveFrom <= today) {
    throw new AppError('invalid', `生效日期须晚于今天（${today}）：已完成的发展步骤按当时有效的规则判断，不能追溯修改。`, 'effectiveFrom');
  }
  const [existing] = await ctx.tx.select({ id: developmentRuleSets.id }).from(developmentRuleSets).where(eq(developmentRuleSets.effectiveFrom, input.effectiveFrom));
  if (existing) throw dateTaken();
  const [row] = await ctx.tx
    .insert(developmentRuleSets)
    .values({ name: input.name, source: input.source, effectiveFrom: input.effectiveFrom, rules: input.rules, createdBy: ctx.user.id })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, 'development_rule_sets_effective_key') ? dateTaken() : error;
    });
  await ctx.audit({ action: 'development.rules_create', entityType: 'development_rule_set', entityId: row!.id, after: { name: row!.name, effectiveFrom: row!.effectiveFrom, source: row!.source, rules: row!.rules } });
  return row!;
}
