import { z } from 'zod';

// The shape of a member-development rule set (development_rule_sets.rules), checked on every read
// and write: every due date and every refusal quotes a value read from here, never a constant.

const whole = (label: string, min: number, max: number) =>
  z.number({ error: `${label}须为数字。` }).int(`${label}须为整数。`).min(min, `${label}至少为 ${min}。`).max(max, `${label}不能超过 ${max}。`);

export const developmentRulesSchema = z
  .object({
    stageOrder: z.array(z.string()).optional(),
    applicantTalkWithinDays: whole('谈话期限（天）', 1, 365),
    activistMinMonths: whole('积极分子最短培养期（月）', 1, 60),
    activistAssessmentEveryMonths: whole('考察间隔（月）', 1, 24),
    introducersRequired: whole('入党介绍人人数', 1, 5),
    targetTrainingMinDays: whole('集中培训最少天数', 1, 60),
    targetTrainingMinHours: whole('集中培训最少学时', 1, 500),
    generalMeetingAfterPreReviewWithinDays: whole('预审后召开支部大会期限（天）', 1, 365),
    higherApprovalWithinMonths: whole('上级党委审批期限（月）', 1, 12),
    higherApprovalMaxMonths: whole('上级党委审批最长期限（月）', 1, 24),
    oathWithinDays: whole('入党宣誓期限（天）', 1, 365),
    probationMonths: whole('预备期（月）', 1, 36),
    probationExtensionMaxMonths: whole('延长预备期最长（月）', 1, 36),
    conversionApprovalWithinMonths: whole('转正审批期限（月）', 1, 12),
    inactivityMonthsCountsAsLeaving: whole('连续未参加组织生活月数', 1, 24).optional(),
    // Local policy of the work committee, not the 细则: how many days before a due date the board warns.
    dueWarningDays: whole('到期前提醒天数', 1, 180),
  })
  .refine((r) => r.higherApprovalMaxMonths >= r.higherApprovalWithinMonths, { path: ['higherApprovalMaxMonths'], message: '审批最长期限不能短于一般期限。' });

export type DevelopmentRules = z.infer<typeof developmentRulesSchema>;

/** The rule-set shape the engine works with (same as lib/rules/pick's RuleSetVersion). */
export type DevelopmentRuleSet = { id: number; name: string; effectiveFrom: string; rules: DevelopmentRules };
