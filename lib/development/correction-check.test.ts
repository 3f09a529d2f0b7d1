import { describe, expect, it } from 'vitest';
import { checkCorrection, correctable, type WrittenStep } from './correction-check';
import type { DevelopmentFile } from './engine';
import { developmentRulesSchema, type DevelopmentRuleSet } from './rules';

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
// A test-only revision from 2026-05-01 with a six-month activist period.
const setTest: DevelopmentRuleSet = { id: 2, name: '测试用修订规则', effectiveFrom: '2026-05-01', rules: { ...rules2014, activistMinMonths: 6 } };
const TODAY = '2026-11-20';

const file: DevelopmentFile = {
  personId: 1,
  stage: 'development_target',
  appliedOn: '2024-01-05',
  talkedOn: '2024-01-20',
  activistOn: '2024-03-01',
  targetOn: '2025-04-01',
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
  lastStepOn: '2025-04-01',
};
const written: WrittenStep[] = [
  { id: 1, step: 'apply', fromStage: null, toStage: 'applicant', on: '2024-01-05' },
  { id: 2, step: 'talk', fromStage: 'applicant', toStage: 'applicant', on: '2024-01-20' },
  { id: 3, step: 'to_activist', fromStage: 'applicant', toStage: 'activist', on: '2024-03-01' },
  { id: 4, step: 'to_target', fromStage: 'activist', toStage: 'development_target', on: '2025-04-01' },
];

describe('correcting a step date', () => {
  it('allows a date that keeps the order and the rules', () => {
    expect(checkCorrection(file, written, 3, '2024-02-20', [set2014], TODAY)).toBeNull();
    expect(checkCorrection(file, written, 1, '2024-01-02', [set2014], TODAY)).toBeNull();
  });

  it('refuses a date that makes a later step break the rule in force on its date, quoting it', () => {
    expect(checkCorrection(file, written, 3, '2024-05-01', [set2014], TODAY)).toMatchObject({
      field: 'correctedOn',
      message: expect.stringMatching(/^后续步骤「列为发展对象」（2025-04-01）将不符合规定：按《中国共产党发展党员工作细则（2014年）》，入党积极分子培养考察满 12 个月后方可列为发展对象/),
    });
  });

  it('judges the corrected step under the rule set in force on its new date', () => {
    const late = { ...file, activistOn: '2026-01-10', targetOn: '2026-09-01', lastStepOn: '2026-09-01' };
    const steps = [...written.slice(0, 2), { ...written[2]!, on: '2026-01-10' }, { ...written[3]!, on: '2026-09-01' }];
    // Under the revision six months suffice from 2026-05-01; moved back before it, 2014's twelve apply.
    expect(checkCorrection(late, steps, 4, '2026-08-01', [set2014, setTest], TODAY)).toBeNull();
    expect(checkCorrection(late, steps, 4, '2026-04-20', [set2014, setTest], TODAY)).toMatchObject({ message: expect.stringContaining('满 12 个月后方可列为发展对象') });
  });

  it('keeps the order of steps, refuses the future, the same date and assessments', () => {
    expect(checkCorrection(file, written, 3, '2024-01-10', [set2014], TODAY)).toMatchObject({ message: expect.stringContaining('不能早于前一步骤「与入党申请人谈话」的日期（2024-01-20）') });
    expect(checkCorrection(file, written, 2, '2024-03-05', [set2014], TODAY)).toMatchObject({ message: expect.stringContaining('不能晚于后一步骤「确定为入党积极分子」的日期（2024-03-01）') });
    expect(checkCorrection(file, written, 4, '2026-11-21', [set2014], TODAY)).toMatchObject({ message: '日期不能晚于今天（2026-11-20）。' });
    expect(checkCorrection(file, written, 4, '2025-04-01', [set2014], TODAY)).toMatchObject({ message: '该步骤的日期已是 2025-04-01。' });
    expect(correctable('assessment')).toBe(false);
    expect(correctable(null)).toBe(false);
    expect(correctable('apply')).toBe(true);
  });
});
