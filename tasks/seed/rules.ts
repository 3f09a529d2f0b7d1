/**
 * Member-development rules of the 2014 细则 as data. A revised text (May 2026) becomes a new
 * row with its own effective date once its figures are entered; nothing in code hard-codes them.
 */
export const developmentRules2014 = {
  name: '中国共产党发展党员工作细则（2014年）',
  effectiveFrom: '2014-06-10',
  source: '中共中央办公厅印发《中国共产党发展党员工作细则》',
  rules: {
    stageOrder: ['applicant', 'activist', 'development_target', 'probationary', 'full_member'],
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
    inactivityMonthsCountsAsLeaving: 6,
  },
};
