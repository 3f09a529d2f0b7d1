import { z } from 'zod';
import { isoDate } from '@/lib/rules/schemas';

// The shape of a training rule set (training_rule_sets.rules), checked on every read and write:
// coverage and the yearly minimums quote values read from here, never constants in code.
//
// Which set applies: for a year's hours and rotation, the set in force on the year's last day
// (31 December); for a new secretary, the set in force on the day they took office.

const whole = (label: string, min: number, max: number) =>
  z.number({ error: `${label}须为数字。` }).int(`${label}须为整数。`).min(min, `${label}至少为 ${min}。`).max(max, `${label}不能超过 ${max}。`);

export const trainingRulesSchema = z.object({
  memberMinHours: whole('党员每年最少学时', 1, 500),
  // Secretaries and committee members (支部书记和支委).
  leaderMinHours: whole('书记和委员每年最少学时', 1, 500),
  leaderRotationRequired: z.boolean({ error: '请选择是否要求参加轮训。' }),
  newSecretaryWithinMonths: whole('新任书记培训期限（月）', 1, 24),
});

export type TrainingRules = z.infer<typeof trainingRulesSchema>;

export const trainingRuleFields = [
  ['memberMinHours', '党员每年最少学时'],
  ['leaderMinHours', '书记和委员每年最少学时'],
  ['newSecretaryWithinMonths', '新任书记培训期限（月）'],
] as const;

const intField = (label: string) =>
  z
    .string({ error: `请填写${label}。` })
    .trim()
    .regex(/^\d{1,4}$/, `${label}须为整数。`)
    .transform(Number);

/** The new-version form: one input per value; the assembled rules are checked by the rules schema. */
export const newTrainingRuleSetSchema = z
  .object({
    name: z.string().trim().min(2, '请填写规则名称。').max(100, '规则名称不能超过 100 个字符。'),
    source: z.string().trim().min(2, '请填写依据（文件名称或会议决定）。').max(300, '依据不能超过 300 个字符。'),
    effectiveFrom: isoDate,
    memberMinHours: intField('党员每年最少学时'),
    leaderMinHours: intField('书记和委员每年最少学时'),
    newSecretaryWithinMonths: intField('新任书记培训期限（月）'),
    leaderRotationRequired: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
  })
  .transform((v, ctx) => {
    const { name, source, effectiveFrom, ...rules } = v;
    const parsed = trainingRulesSchema.safeParse(rules);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    if (parsed.data.leaderMinHours < parsed.data.memberMinHours) {
      ctx.addIssue({ code: 'custom', path: ['leaderMinHours'], message: '书记和委员的最少学时不能低于党员的最少学时。' });
      return z.NEVER;
    }
    return { name, source, effectiveFrom, rules: parsed.data };
  });

export type NewTrainingRuleSet = z.infer<typeof newTrainingRuleSetSchema>;

/** The form's starting values from the latest set. */
export function trainingRuleFormValues(rules: TrainingRules | null): Record<string, string> {
  if (!rules) return {};
  return {
    memberMinHours: String(rules.memberMinHours),
    leaderMinHours: String(rules.leaderMinHours),
    newSecretaryWithinMonths: String(rules.newSecretaryWithinMonths),
    leaderRotationRequired: rules.leaderRotationRequired ? 'on' : '',
  };
}
