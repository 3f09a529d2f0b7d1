import { z } from 'zod';
import { rowRef } from '@/lib/ids';
import { isoDate } from '@/lib/rules/schemas';
import { developmentRulesSchema } from './rules';
import { assessmentResults, type StepKind, stepKinds } from './steps';

// The step form and the new rule-set form: one schema each, shared by form and action.

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d{1,9}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: '请选择入党介绍人。' });
      return z.NEVER;
    }
    return Number(v);
  });

export const optionalWhole = (label: string, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{1,4}$/.test(v) || Number(v) > max) {
        ctx.addIssue({ code: 'custom', message: `${label}须为 0–${max} 的整数。` });
        return z.NEVER;
      }
      return Number(v);
    });

const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Why a training held outside the system must be explained: nothing else records it. */
export const MANUAL_TRAINING_NOTE = '未关联培训记录时，请在说明中写明培训的举办单位和时间。';

export const developmentStepSchema = z
  .object({
    personId: rowRef('缺少党员。'),
    version: rowRef('缺少版本号，请刷新页面后重试。'),
    step: z.enum(stepKinds, { error: '请选择步骤。' }),
    // Required, except for a training taken from a training record: its date is the record's.
    decidedOn: z.preprocess(blankAsUndefined, isoDate.optional()),
    // The completion in a concentrated round the training step cites (blank: entered by hand).
    traineeId: z.preprocess(blankAsUndefined, rowRef('请选择培训记录。').optional()),
    note: z.string().trim().max(500, '说明不能超过 500 个字符。').optional().transform((v) => v || null),
    introducer1: optionalId,
    introducer2: optionalId,
    trainingDays: optionalWhole('培训天数', 365),
    trainingHours: optionalWhole('培训学时', 2000),
    extensionMonths: optionalWhole('延长月数', 36),
    result: z.enum(['', ...assessmentResults], { error: '考察结果不正确。' }).optional(),
  })
  .superRefine((v, ctx) => {
    const linked = v.step === 'training' && v.traineeId !== undefined;
    if (!linked && v.decidedOn === undefined) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '请填写日期（年-月-日）。' });
    if (v.step === 'training' && !linked && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: MANUAL_TRAINING_NOTE });
    if (v.step === 'assessment' && !v.result) ctx.addIssue({ code: 'custom', path: ['result'], message: '请选择考察结果。' });
  })
  // Only a training step cites a record; a linked one takes its date from the record (commands.ts).
  .transform((v) => ({ ...v, decidedOn: v.decidedOn ?? null, traineeId: v.step === 'training' ? (v.traineeId ?? null) : null }));

export type DevelopmentStepInput = z.infer<typeof developmentStepSchema>;

/** Opening a file: the day the person handed in the application. */
export const openDevelopmentFileSchema = z.object({
  personId: rowRef('缺少人员。'),
  appliedOn: isoDate,
});

export type OpenDevelopmentFileInput = z.infer<typeof openDevelopmentFileSchema>;

const intField = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .regex(/^\d{1,4}$/, `${label}须为整数。`)
    .transform(Number);

export const developmentRuleFields = [
  ['applicantTalkWithinDays', '收到申请后谈话期限（天）'],
  ['activistMinMonths', '积极分子最短培养期（月）'],
  ['activistAssessmentEveryMonths', '积极分子考察间隔（月）'],
  ['introducersRequired', '入党介绍人人数'],
  ['targetTrainingMinDays', '集中培训最少天数'],
  ['targetTrainingMinHours', '集中培训最少学时'],
  ['generalMeetingAfterPreReviewWithinDays', '预审后召开支部大会期限（天）'],
  ['higherApprovalWithinMonths', '上级党委审批期限（月）'],
  ['higherApprovalMaxMonths', '上级党委审批最长期限（月）'],
  ['oathWithinDays', '审批后入党宣誓期限（天）'],
  ['probationMonths', '预备期（月）'],
  ['probationExtensionMaxMonths', '延长预备期最长（月）'],
  ['conversionApprovalWithinMonths', '转正审批期限（月）'],
  ['dueWarningDays', '到期前提醒天数（工委规定）'],
] as const;

type RuleKey = (typeof developmentRuleFields)[number][0];

/** The new-version form: one input per value; the assembled rules are checked by the rules schema. */
export const newDevelopmentRuleSetSchema = z
  .object({
    name: z.string().trim().min(2, '请填写规则名称。').max(100, '规则名称不能超过 100 个字符。'),
    source: z.string().trim().min(2, '请填写依据（文件名称或会议决定）。').max(300, '依据不能超过 300 个字符。'),
    effectiveFrom: isoDate,
    ...(Object.fromEntries(developmentRuleFields.map(([key, label]) => [key, intField(label)])) as Record<RuleKey, ReturnType<typeof intField>>),
  })
  .transform((v, ctx) => {
    const rules = Object.fromEntries(developmentRuleFields.map(([key]) => [key, v[key]]));
    const parsed = developmentRulesSchema.safeParse(rules);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { name: v.name, source: v.source, effectiveFrom: v.effectiveFrom, rules: parsed.data };
  });

export type NewDevelopmentRuleSet = z.infer<typeof newDevelopmentRuleSetSchema>;

/** A branch id from the query string; one past the integer column is, like any malformed one, no filter. */
const branchFilter = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

/** The board's query string; anything malformed is simply not a filter. */
export const boardFilterSchema = z.object({
  branchId: branchFilter,
  stage: z.enum(['applicant', 'activist', 'development_target', 'probationary', 'full_member']).optional().catch(undefined),
  overdue: z
    .string()
    .optional()
    .transform((v) => v === '1')
    .catch(false),
  page: z.coerce.number().int().positive().max(10_000).optional().catch(undefined),
});

/** At most this many people in one batch: a city organ's training class is about 150. */
export const BATCH_MAX = 200;

/** Steps a batch may apply: every step but the one that needs each person's own introducers. */
export const batchStepKinds: StepKind[] = stepKinds.filter((s) => s !== 'to_target');


const PERSON_FIELD = /^person-(\d{1,9})$/;

/**
 * The batch form: one step, one date, the step's own fields, and a `person-<id>` checkbox per
 * person picked (checkboxes need no script; the values echo back so a refused form stays ticked).
 */
export const developmentBatchSchema = z
  .looseObject({
    step: z.enum(stepKinds, { error: '请选择步骤。' }),
    // Required, except for a training taken from a concentrated round: each person's date is their completion's.
    decidedOn: z.preprocess(blankAsUndefined, isoDate.optional()),
    // The concentrated round a batch training cites (blank: entered by hand, the same for everyone).
    roundId: z.preprocess(blankAsUndefined, rowRef('请选择培训班。').optional()),
    note: z.string().trim().max(500, '说明不能超过 500 个字符。').optional().transform((v) => v || null),
    trainingDays: optionalWhole('培训天数', 365),
    trainingHours: optionalWhole('培训学时', 2000),
    extensionMonths: optionalWhole('延长月数', 36),
    result: z.enum(['', ...assessmentResults], { error: '考察结果不正确。' }).optional(),
  })
  .transform((v, ctx) => {
    const personIds = Object.entries(v)
      .filter(([key, value]) => PERSON_FIELD.test(key) && value === '1')
      .map(([key]) => Number(PERSON_FIELD.exec(key)![1]));
    if (v.step === 'to_target') ctx.addIssue({ code: 'custom', path: ['step'], message: '列为发展对象须逐人确定入党介绍人，请在个人档案中办理。' });
    const linked = v.step === 'training' && v.roundId !== undefined;
    if (!linked && v.decidedOn === undefined) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '请填写日期（年-月-日）。' });
    if (v.step === 'training' && !linked && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: MANUAL_TRAINING_NOTE });
    if (v.step === 'assessment' && !v.result) ctx.addIssue({ code: 'custom', path: ['result'], message: '请选择考察结果。' });
    if ((v.step === 'drop' || v.step === 'cancel') && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '请填写理由。' });
    if (personIds.length === 0) ctx.addIssue({ code: 'custom', path: ['people'], message: '请至少勾选一人。' });
    if (personIds.length > BATCH_MAX) ctx.addIssue({ code: 'custom', path: ['people'], message: `一次最多处理 ${BATCH_MAX} 人，已勾选 ${personIds.length} 人。` });
    return {
      step: v.step,
      decidedOn: v.decidedOn ?? null,
      roundId: v.step === 'training' ? (v.roundId ?? null) : null,
      note: v.note,
      trainingDays: v.trainingDays,
      trainingHours: v.trainingHours,
      extensionMonths: v.extensionMonths,
      result: v.result,
      personIds: [...new Set(personIds)].sort((a, b) => a - b),
    };
  });

export type DevelopmentBatchInput = z.infer<typeof developmentBatchSchema>;

/** The batch page's query string (who to list); anything malformed is simply not a filter. */
export const batchFilterSchema = z.object({
  branchId: branchFilter,
  stage: z.enum(['applicant', 'activist', 'development_target', 'probationary', 'full_member']).optional().catch(undefined),
});

/** Correcting a written step's date (补正): which step, the right date and why. */
export const correctStepSchema = z.object({
  personId: rowRef('缺少党员。'),
  version: rowRef('缺少版本号，请刷新页面后重试。'),
  transitionId: rowRef('请选择要补正的步骤。'),
  correctedOn: isoDate,
  reason: z.string({ error: '请填写补正理由。' }).trim().min(2, '请填写补正理由（如原始材料的日期）。').max(500, '理由不能超过 500 个字符。'),
});

export type CorrectStepInput = z.infer<typeof correctStepSchema>;
