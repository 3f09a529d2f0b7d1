/**
 * Member-development rules of the 2014 细则 as data. A revised text (May 2026) becomes a new
 * row with its own effective date once its figures are entered; nothing in code hard-codes them.
 */
export const developmentRules2014 = {
  name: '中国共产党发展党员工作细则（2014年）',
  effectiveFrom: '2014-06-10',
  source: '中共中央办公厅印发《中国共产党发展党员工作细则》；到期前提醒天数为市委市级机关工委补充规定',
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
    // Local policy of the work committee, not the 细则: the board warns this many days before a
    // development deadline passes.
    dueWarningDays: 14,
  },
};

/**
 * Branch-life rules as data: the minimum frequencies of the 2018 支部工作条例 (试行), and the work
 * committee's local thresholds (late entry, term warning, a finding's default due date), which
 * are local policy and edited as rule data. `nodeKinds` names the tree nodes a frequency binds.
 */
export const branchRules2018 = {
  name: '中国共产党支部工作条例（试行）及工委组织生活补充规定',
  effectiveFrom: '2018-10-28',
  source: '中共中央印发《中国共产党支部工作条例（试行）》；市委市级机关工委补充规定（逾期补录、任期提醒、整改期限）',
  rules: {
    frequencies: [
      { kind: 'general_meeting', per: 'quarter', min: 1, nodeKinds: ['branch'] },
      { kind: 'committee_meeting', per: 'month', min: 1, nodeKinds: ['branch'] },
      { kind: 'group_meeting', per: 'month', min: 1, nodeKinds: ['party_group'] },
      { kind: 'party_lecture', per: 'quarter', min: 1, nodeKinds: ['branch'] },
      { kind: 'themed_party_day', per: 'month', min: 1, nodeKinds: ['branch'] },
      { kind: 'organizational_life_meeting', per: 'year', min: 1, nodeKinds: ['branch'] },
      { kind: 'democratic_review', per: 'year', min: 1, nodeKinds: ['branch'] },
    ],
    // The secretary gives at least one 党课 a year.
    secretaryLecturesPerYear: 1,
    // Local policy: entered more than this many days after `held_on` is a late entry.
    lateEntryDays: 30,
    // Local policy: a committee term ending within this many days is flagged.
    termWarningDays: 90,
    // Committee terms in years by node kind (branch committee 3, grass-roots party committee 5).
    termYears: { unit_organization: 5, general_branch: 3, branch: 3 },
    // Local policy: a review finding is due this many days after it is raised.
    findingDueDays: 30,
    // 党章: six consecutive months without organizational life is flagged as an early warning.
    inactivityMonths: 6,
  },
};

/**
 * Training minimums as data (全国党员教育培训工作规划): every member at least 32 class hours a
 * year; branch secretaries and committee members at least 56, including one rotation training
 * (轮训); a new secretary trained within six months of taking office. The coverage of a year
 * uses the set in force on 31 December; a new secretary's deadline, the set in force on the day
 * they took office.
 */
export const trainingRules2019 = {
  name: '党员教育培训学时要求（2019—2023 年规划起）',
  effectiveFrom: '2019-01-01',
  source: '中共中央办公厅印发《2019—2023年全国党员教育培训工作规划》：党员每年集中学习培训不少于32学时，基层党组织书记和班子成员每年不少于56学时，书记每年至少参加1次集中轮训，新任书记半年内完成任职培训',
  rules: { memberMinHours: 32, leaderMinHours: 56, leaderRotationRequired: true, newSecretaryWithinMonths: 6 },
};
