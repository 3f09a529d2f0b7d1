import { z } from 'zod';
import { activityKinds } from '@/db/schema/activities';
import { branchKinds } from '@/db/schema/branches';

// The shape of a branch-life rule set (branch_rule_sets.rules), checked on every read and write:
// the compliance figures are only as good as the data they are computed from.

import { boundNodeKinds, type PeriodUnit, periodUnits, ruleActivityKinds } from './kinds';

export { boundNodeKinds, periodUnits, ruleActivityKinds, type PeriodUnit } from './kinds';

export const frequencySchema = z.object({
  kind: z.enum(activityKinds, { error: '活动类型不正确。' }),
  per: z.enum(periodUnits, { error: '周期只能是每月、每季度或每年。' }),
  min: z.number({ error: '最少次数须为数字。' }).int('最少次数须为整数。').min(1, '最少次数至少为 1。').max(31, '最少次数不能超过 31。'),
  nodeKinds: z.array(z.enum(boundNodeKinds, { error: '组织类型不正确。' })).min(1, '请至少选择一种适用的组织类型。'),
});

const days = (label: string, max: number) =>
  z.number({ error: `${label}须为数字。` }).int(`${label}须为整数。`).min(1, `${label}至少为 1。`).max(max, `${label}不能超过 ${max}。`);

export const branchRulesSchema = z
  .object({
    frequencies: z.array(frequencySchema),
    secretaryLecturesPerYear: z.number().int().min(0, '书记讲党课次数不能为负。').max(12, '书记讲党课次数不能超过 12。'),
    lateEntryDays: days('逾期补录天数', 365),
    termWarningDays: days('任期提醒天数', 730),
    termYears: z.partialRecord(z.enum(branchKinds), z.number().int().min(1, '任期至少 1 年。').max(10, '任期不能超过 10 年。')),
    findingDueDays: days('整改期限', 365),
    inactivityMonths: days('未参加组织生活预警月数', 24),
  })
  .refine((r) => new Set(r.frequencies.map((f) => f.kind)).size === r.frequencies.length, { path: ['frequencies'], message: '同一活动类型只能设置一条频次要求。' });

export type BranchRules = z.infer<typeof branchRulesSchema>;
export type Frequency = z.infer<typeof frequencySchema>;


export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '请填写日期（年-月-日）。')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), '日期不存在。');

const intField = (label: string, { min, max }: { min: number; max: number }) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .regex(/^\d{1,4}$/, `${label}须为整数。`)
    .transform(Number)
    .pipe(z.number().min(min, `${label}至少为 ${min}。`).max(max, `${label}不能超过 ${max}。`));

const optionalMin = z
  .string()
  .trim()
  .optional()
  .transform((v) => v ?? '');

/**
 * The new-version form: flat fields (one per input, so each error sits beside its input),
 * assembled into rules that are then checked against `branchRulesSchema` once more.
 */
const scalarFields = z.object({
    name: z.string().trim().min(2, '请填写规则名称。').max(100, '规则名称不能超过 100 个字符。'),
    source: z.string().trim().min(2, '请填写依据（文件名称或会议决定）。').max(300, '依据不能超过 300 个字符。'),
    effectiveFrom: isoDate,
    lateEntryDays: intField('逾期补录天数', { min: 1, max: 365 }),
    termWarningDays: intField('任期提醒天数', { min: 1, max: 730 }),
    findingDueDays: intField('整改期限', { min: 1, max: 365 }),
    inactivityMonths: intField('预警月数', { min: 1, max: 24 }),
    secretaryLecturesPerYear: intField('书记每年讲党课次数', { min: 0, max: 12 }),
    termYears_unit_organization: intField('单位党组织任期', { min: 1, max: 10 }),
    termYears_general_branch: intField('党总支任期', { min: 1, max: 10 }),
    termYears_branch: intField('党支部任期', { min: 1, max: 10 }),
});

const frequencyFields: Record<string, z.ZodType> = Object.fromEntries(
  ruleActivityKinds.flatMap((kind) => [
    [`per_${kind}`, z.enum(['', ...periodUnits], { error: '周期只能是每月、每季度或每年。' }).optional()],
    [`min_${kind}`, optionalMin],
    ...boundNodeKinds.map((node) => [`nodes_${kind}_${node}`, z.string().optional()]),
  ]),
);

type FormOutput = z.output<typeof scalarFields> & Record<string, unknown>;

export const newBranchRuleSetSchema = scalarFields
  .extend(frequencyFields)
  .superRefine((v, ctx) => {
    for (const kind of ruleActivityKinds) {
      const per = (v as Record<string, unknown>)[`per_${kind}`];
      if (!per) continue;
      const min = String((v as Record<string, unknown>)[`min_${kind}`] ?? '');
      if (!/^\d{1,2}$/.test(min) || Number(min) < 1 || Number(min) > 31) ctx.addIssue({ code: 'custom', path: [`min_${kind}`], message: '最少次数须为 1–31 的整数。' });
      if (!boundNodeKinds.some((node) => (v as Record<string, unknown>)[`nodes_${kind}_${node}`])) {
        ctx.addIssue({ code: 'custom', path: [`nodes_${kind}_branch`], message: '请至少选择一种适用的组织类型。' });
      }
    }
  })
  .transform((raw) => {
    const v = raw as FormOutput;
    const field: Record<string, unknown> = v;
    const frequencies: Frequency[] = ruleActivityKinds.flatMap((kind) => {
      const per = field[`per_${kind}`] as PeriodUnit | '' | undefined;
      if (!per) return [];
      return [{ kind, per, min: Number(field[`min_${kind}`]), nodeKinds: boundNodeKinds.filter((node) => field[`nodes_${kind}_${node}`]) }];
    });
    const rules: BranchRules = {
      frequencies,
      secretaryLecturesPerYear: v.secretaryLecturesPerYear,
      lateEntryDays: v.lateEntryDays,
      termWarningDays: v.termWarningDays,
      termYears: { unit_organization: v.termYears_unit_organization, general_branch: v.termYears_general_branch, branch: v.termYears_branch },
      findingDueDays: v.findingDueDays,
      inactivityMonths: v.inactivityMonths,
    };
    return { name: v.name, source: v.source, effectiveFrom: v.effectiveFrom, rules: branchRulesSchema.parse(rules) };
  });

export type NewBranchRuleSet = z.infer<typeof newBranchRuleSetSchema>;
