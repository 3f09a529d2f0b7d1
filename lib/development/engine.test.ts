import { describe, expect, it } from 'vitest';
import { type DevelopmentFile, dueItems, offeredSteps, validateStep } from './engine';
import { developmentRulesSchema, type DevelopmentRuleSet } from './rules';

// The 2014 figures as the seed holds them (tasks/seed/rules.ts; lib/ may not import tasks/).
const rules2014 = developmentRulesSchema.parse({
  applicantTalkWithinDays: 30,
  activistMinMonths: 12,
  activistAssessmentEveryMonths: 6,
  introducersRequired: 2,
  targetTrainingMinDays: 3,
  targetTrainingMinHours: 24,
  generalMeetingAfterPreReviewWithinDays: 30,
  higherApprovalWithinMonths: 3,
  higherApprovalMaxMonths: 6,
  oathWithinDays: 30,
  probationMonths: 12,
  probationExtensionMaxMonths: 12,
  conversionApprovalWithinMonths: 3,
  dueWarningDays: 14,
});
const set2014: DevelopmentRuleSet = { id: 1, name: '中国共产党发展党员工作细则（2014年）', effectiveFrom: '2014-06-10', rules: rules2014 };
// A second version constructed for the test only (the seed holds no 2026 figures): shorter
// activist period, longer talk window, stricter approval maximum.
const setTest: DevelopmentRuleSet = {
  id: 2,
  name: '测试用修订规则',
  effectiveFrom: '2026-05-01',
  rules: { ...rules2014, activistMinMonths: 6, applicantTalkWithinDays: 60, higherApprovalMaxMonths: 4, higherApprovalWithinMonths: 2, probationMonths: 12, dueWarningDays: 10 },
};
const sets = [set2014, setTest];
const TODAY = '2026-11-20';

const file = (over: Partial<DevelopmentFile>): DevelopmentFile => ({
  personId: 100,
  stage: 'applicant',
  appliedOn: '2025-01-10',
  talkedOn: null,
  activistOn: null,
  targetOn: null,
  politicalReviewOn: null,
  concentratedTrainingOn: null,
  preReviewedOn: null,
  probationaryOn: null,
  approvedOn: null,
  oathOn: null,
  extendedOn: null,
  probationExtendedUntil: null,
  fullMemberOn: null,
  conversionApprovedOn: null,
  assessments: [],
  lastStepOn: null,
  ...over,
});

const full = (id: number) => ({ id, name: `党员${id}`, status: 'full_member' });

describe('stage order', () => {
  it('refuses a skipped stage with the rule quoted', () => {
    const result = validateStep(file({ talkedOn: '2025-01-20' }), { step: 'to_target', decidedOn: '2026-01-01' }, sets, TODAY);
    expect(result).toMatchObject({ ok: false, field: 'step' });
    expect(!result.ok && result.message).toContain('按《中国共产党发展党员工作细则（2014年）》');
    expect(!result.ok && result.message).toContain('不能跳过阶段');
  });

  it('needs the talk before an applicant becomes an activist', () => {
    expect(validateStep(file({}), { step: 'to_activist', decidedOn: '2025-03-01' }, sets, TODAY)).toMatchObject({ ok: false, field: 'step' });
    expect(validateStep(file({ talkedOn: '2025-01-20', lastStepOn: '2025-01-20' }), { step: 'to_activist', decidedOn: '2025-03-01' }, sets, TODAY)).toMatchObject({ ok: true, toStage: 'activist', body: 'branch_committee' });
  });

  it('refuses to judge a file missing the date its stage began', () => {
    expect(validateStep(file({ stage: 'probationary' }), { step: 'approval', decidedOn: '2026-01-01' }, sets, TODAY)).toMatchObject({ ok: false, field: 'step' });
  });

  it('refuses a date in the future or before the previous step', () => {
    expect(validateStep(file({}), { step: 'talk', decidedOn: '2026-11-21' }, sets, TODAY)).toMatchObject({ ok: false, field: 'decidedOn' });
    expect(validateStep(file({ lastStepOn: '2025-02-01' }), { step: 'talk', decidedOn: '2025-01-31' }, sets, TODAY)).toMatchObject({ ok: false, field: 'decidedOn' });
  });

  it('allows leaving the pipeline from the early stages only, with a reason', () => {
    expect(validateStep(file({}), { step: 'drop', decidedOn: '2025-03-01' }, sets, TODAY)).toMatchObject({ ok: false, field: 'note' });
    expect(validateStep(file({}), { step: 'drop', decidedOn: '2025-03-01', note: '本人撤回申请' }, sets, TODAY)).toMatchObject({ ok: true, toStage: 'dropped' });
    expect(validateStep(file({ stage: 'full_member' }), { step: 'cancel', decidedOn: '2025-03-01', note: 'x' }, sets, TODAY)).toMatchObject({ ok: false, field: 'step' });
  });
});

describe('twelve months as activist, by the rule set in force on the step date', () => {
  const activist = file({ stage: 'activist', talkedOn: '2025-01-20', activistOn: '2025-09-01', lastStepOn: '2025-09-01' });
  const introducers = [full(1), full(2)];

  it('is refused under 2014 (12 months) and quotes the days missing', () => {
    const result = validateStep(activist, { step: 'to_target', decidedOn: '2026-04-30', introducers }, sets, TODAY);
    expect(result).toMatchObject({ ok: false, field: 'decidedOn' });
    expect(!result.ok && result.message).toBe('按《中国共产党发展党员工作细则（2014年）》，入党积极分子培养考察满 12 个月后方可列为发展对象（还差 124 天，最早 2026-09-01）。');
  });

  it('is allowed under the later set (6 months) for a step dated after it took effect', () => {
    const result = validateStep(activist, { step: 'to_target', decidedOn: '2026-05-01', introducers }, sets, TODAY);
    expect(result).toMatchObject({ ok: true, toStage: 'development_target' });
    expect(result.ok && result.ruleSet.id).toBe(2);
  });

  it('needs two distinct full members as introducers, not the person', () => {
    const on = { step: 'to_target' as const, decidedOn: '2026-10-01' };
    expect(validateStep(activist, { ...on, introducers: [full(1)] }, sets, TODAY)).toMatchObject({ ok: false, field: 'introducer2' });
    expect(validateStep(activist, { ...on, introducers: [full(1), full(1)] }, sets, TODAY)).toMatchObject({ ok: false, field: 'introducer2' });
    expect(validateStep(activist, { ...on, introducers: [full(100), full(2)] }, sets, TODAY)).toMatchObject({ ok: false, field: 'introducer1' });
    const probationary = validateStep(activist, { ...on, introducers: [full(1), { id: 3, name: '王五', status: 'probationary' }] }, sets, TODAY);
    expect(probationary).toMatchObject({ ok: false, field: 'introducer2' });
    expect(!probationary.ok && probationary.message).toContain('入党介绍人须为正式党员；「王五」目前是预备党员');
    expect(validateStep(activist, { ...on, introducers: [full(1), full(2)] }, sets, TODAY)).toMatchObject({ ok: true });
    // More than the rule set asks for is refused rather than saved unchecked.
    expect(validateStep(activist, { ...on, introducers: [full(1), full(2), full(4)] }, sets, TODAY)).toMatchObject({ ok: false, field: 'introducer3' });
  });
});

describe('development target', () => {
  const target = file({ stage: 'development_target', talkedOn: '2024-01-20', activistOn: '2024-02-01', targetOn: '2025-03-01', lastStepOn: '2025-03-01' });

  it('needs ≥ 3 days or ≥ 24 hours of concentrated training', () => {
    expect(validateStep(target, { step: 'training', decidedOn: '2025-04-01', trainingDays: 2, trainingHours: 16 }, sets, TODAY)).toMatchObject({ ok: false, field: 'trainingDays' });
    expect(validateStep(target, { step: 'training', decidedOn: '2025-04-01', trainingDays: 3, trainingHours: 0 }, sets, TODAY)).toMatchObject({ ok: true, body: 'higher_committee' });
    expect(validateStep(target, { step: 'training', decidedOn: '2025-04-01', trainingDays: 2, trainingHours: 24 }, sets, TODAY)).toMatchObject({ ok: true });
  });

  it('needs political review and training before the pre-review, and the pre-review before the meeting', () => {
    expect(validateStep(target, { step: 'pre_review', decidedOn: '2025-04-01' }, sets, TODAY)).toMatchObject({ ok: false, field: 'step' });
    expect(validateStep(target, { step: 'to_probationary', decidedOn: '2025-04-01' }, sets, TODAY)).toMatchObject({ ok: false, field: 'step' });
    const ready = { ...target, politicalReviewOn: '2025-03-10', concentratedTrainingOn: '2025-03-20', lastStepOn: '2025-03-20' };
    expect(validateStep(ready, { step: 'pre_review', decidedOn: '2025-04-01' }, sets, TODAY)).toMatchObject({ ok: true });
  });

  it('warns before the general meeting window closes and flags it when passed', () => {
    const reviewed = { ...target, preReviewedOn: '2026-11-01' };
    expect(dueItems(reviewed, sets, '2026-11-10')).toMatchObject([{ state: 'upcoming' }]);
    const soon = dueItems(reviewed, sets, '2026-11-20');
    expect(soon).toMatchObject([{ key: 'general_meeting', dueOn: '2026-12-01', state: 'upcoming' }]);
    expect(dueItems(reviewed, sets, '2026-11-25')[0]!.state).toBe('warning');
    expect(dueItems(reviewed, sets, '2026-12-02')[0]!.state).toBe('overdue');
  });
});

describe('probation', () => {
  const probationary = file({
    stage: 'probationary',
    talkedOn: '2023-01-20',
    activistOn: '2023-02-01',
    targetOn: '2024-03-01',
    politicalReviewOn: '2024-03-10',
    concentratedTrainingOn: '2024-03-20',
    preReviewedOn: '2024-04-01',
    probationaryOn: '2025-03-01',
    lastStepOn: '2025-03-01',
  });

  it('refuses an approval later than the maximum of the rule set in force on its date', () => {
    const late = validateStep(probationary, { step: 'approval', decidedOn: '2025-09-02' }, sets, TODAY);
    expect(late).toMatchObject({ ok: false, field: 'decidedOn' });
    expect(!late.ok && late.message).toContain('最长不超过 6 个月');
    expect(validateStep(probationary, { step: 'approval', decidedOn: '2025-09-01' }, sets, TODAY)).toMatchObject({ ok: true, body: 'higher_committee' });
  });

  it('applies the later set to an approval dated after it took effect', () => {
    const admitted = { ...probationary, probationaryOn: '2026-05-10', lastStepOn: '2026-05-10' };
    // Five months later: allowed by 2014 (6), refused by the test set (4) in force that day.
    const refused = validateStep(admitted, { step: 'approval', decidedOn: '2026-10-10' }, sets, TODAY);
    expect(refused).toMatchObject({ ok: false, field: 'decidedOn' });
    expect(!refused.ok && refused.message).toContain('按《测试用修订规则》');
    expect(validateStep(admitted, { step: 'approval', decidedOn: '2026-10-10' }, [set2014], TODAY)).toMatchObject({ ok: true });
  });

  it('needs approval before the oath and both before conversion, and twelve months of probation', () => {
    expect(validateStep(probationary, { step: 'oath', decidedOn: '2025-04-01' }, sets, TODAY)).toMatchObject({ ok: false, field: 'step' });
    const sworn = { ...probationary, approvedOn: '2025-04-01', oathOn: '2025-04-20', lastStepOn: '2025-04-20' };
    const early = validateStep(sworn, { step: 'to_full_member', decidedOn: '2026-02-28' }, sets, TODAY);
    expect(early).toMatchObject({ ok: false, field: 'decidedOn' });
    expect(!early.ok && early.message).toContain('还差 1 天');
    expect(validateStep(sworn, { step: 'to_full_member', decidedOn: '2026-03-01' }, sets, TODAY)).toMatchObject({ ok: true, toStage: 'full_member' });
  });

  it('extends once, by at most twelve months', () => {
    const sworn = { ...probationary, approvedOn: '2025-04-01', oathOn: '2025-04-20', lastStepOn: '2025-04-20' };
    expect(validateStep(sworn, { step: 'extend', decidedOn: '2026-03-01', extensionMonths: 13 }, sets, TODAY)).toMatchObject({ ok: false, field: 'extensionMonths' });
    expect(validateStep(sworn, { step: 'extend', decidedOn: '2026-03-01', extensionMonths: 6 }, sets, TODAY)).toMatchObject({ ok: true, extendedUntil: '2026-09-01' });
    const extended = { ...sworn, extendedOn: '2026-03-01', probationExtendedUntil: '2026-09-01', lastStepOn: '2026-03-01' };
    const again = validateStep(extended, { step: 'extend', decidedOn: '2026-04-01', extensionMonths: 3 }, sets, TODAY);
    expect(again).toMatchObject({ ok: false, field: 'step' });
    expect(!again.ok && again.message).toContain('预备期只能延长一次');
    expect(validateStep(extended, { step: 'to_full_member', decidedOn: '2026-08-31' }, sets, TODAY)).toMatchObject({ ok: false, field: 'decidedOn' });
  });

  it('dates approval, oath and conversion deadlines and flags the overdue ones', () => {
    const items = dueItems(probationary, sets, TODAY);
    expect(items).toMatchObject([
      { key: 'approval', dueOn: '2025-06-01', state: 'overdue' },
      { key: 'conversion', dueOn: '2026-03-01', state: 'overdue' },
    ]);
    expect(items[0]!.rule).toContain('按《中国共产党发展党员工作细则（2014年）》');
    const approved = { ...probationary, probationaryOn: '2025-12-01', approvedOn: '2026-01-10' };
    expect(dueItems(approved, sets, '2026-01-20')).toMatchObject([
      { key: 'oath', dueOn: '2026-02-09', state: 'upcoming' },
      { key: 'conversion', dueOn: '2026-12-01', state: 'upcoming' },
    ]);
    expect(dueItems(approved, sets, '2026-11-20').map((i) => [i.key, i.state])).toEqual([
      ['oath', 'overdue'],
      ['conversion', 'warning'],
    ]);
  });
});

describe('due dates of the early stages', () => {
  it('dates the first talk by the rule set in force on the application day', () => {
    expect(dueItems(file({ appliedOn: '2026-04-01' }), sets, '2026-04-10')).toMatchObject([{ key: 'talk', dueOn: '2026-05-01', state: 'upcoming' }]);
    expect(dueItems(file({ appliedOn: '2026-05-01' }), sets, '2026-05-10')).toMatchObject([{ key: 'talk', dueOn: '2026-06-30', state: 'upcoming' }]);
    expect(dueItems(file({ appliedOn: '2026-04-01' }), sets, '2026-05-02')[0]!.state).toBe('overdue');
    expect(dueItems(file({ appliedOn: '2026-04-01' }), sets, '2026-04-17')[0]!.state).toBe('warning');
  });

  it('schedules the next half-yearly assessment from the latest one', () => {
    const activist = file({ stage: 'activist', talkedOn: '2025-01-20', activistOn: '2025-03-01', assessments: [{ assessedOn: '2025-09-01' }] });
    expect(dueItems(activist, [set2014], '2026-01-01')).toMatchObject([{ key: 'assessment', dueOn: '2026-03-01', state: 'upcoming' }]);
    expect(dueItems(activist, [set2014], '2026-03-02')[0]!.state).toBe('overdue');
  });

  it('offers only the steps the stage allows, with the reason for each refusal', () => {
    const offered = offeredSteps(file({ stage: 'activist', talkedOn: '2025-01-20', activistOn: '2026-06-01' }), sets, TODAY);
    expect(offered.map((o) => o.step)).toEqual(['assessment', 'to_target', 'drop']);
    expect(offered.find((o) => o.step === 'to_target')).toMatchObject({ allowed: false });
    expect(offered.find((o) => o.step === 'to_target')!.reason).toContain('满 6 个月');
  });
});
