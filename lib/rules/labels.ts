// Chinese names of what rule data talks about. Pure: pages, exports and tests share them.

export const periodUnitLabels = { month: '每月', quarter: '每季度', year: '每年' } as const;

/** The member-development rule keys, in Chinese, with their unit. */
export const developmentRuleLabels: Record<string, { label: string; unit: string }> = {
  applicantTalkWithinDays: { label: '收到入党申请后谈话期限', unit: '天' },
  activistMinMonths: { label: '积极分子培养考察最短期限', unit: '个月' },
  activistAssessmentEveryMonths: { label: '积极分子考察间隔', unit: '个月' },
  introducersRequired: { label: '入党介绍人人数', unit: '名' },
  targetTrainingMinDays: { label: '发展对象集中培训最短天数', unit: '天' },
  targetTrainingMinHours: { label: '发展对象集中培训最短学时', unit: '学时' },
  generalMeetingAfterPreReviewWithinDays: { label: '预审后召开党员大会期限', unit: '天' },
  higherApprovalWithinMonths: { label: '上级党组织审批期限', unit: '个月' },
  higherApprovalMaxMonths: { label: '上级审批最长期限', unit: '个月' },
  oathWithinDays: { label: '批准后入党宣誓期限', unit: '天' },
  probationMonths: { label: '预备期', unit: '个月' },
  probationExtensionMaxMonths: { label: '预备期最长延长', unit: '个月' },
  conversionApprovalWithinMonths: { label: '转正审批期限', unit: '个月' },
  inactivityMonthsCountsAsLeaving: { label: '连续不参加组织生活视为自行脱党', unit: '个月' },
  dueWarningDays: { label: '到期前提醒（工委规定）', unit: '天' },
};

export const developmentStageLabels: Record<string, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  development_target: '发展对象',
  probationary: '预备党员',
  full_member: '正式党员',
};
