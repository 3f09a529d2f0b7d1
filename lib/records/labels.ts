import type { AbsenceReason, ActivityKind, ActivityStatus } from './types';

// Chinese names of the record book's values, shared by pages, exports and messages.

export const activityKindLabels: Record<ActivityKind, string> = {
  general_meeting: '支部党员大会',
  committee_meeting: '支部委员会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  themed_party_day: '主题党日',
  organizational_life_meeting: '组织生活会',
  democratic_review: '民主评议党员',
  volunteer_service: '志愿服务',
  other: '其他',
};

export const activityStatusLabels: Record<ActivityStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  reviewed: '已审阅',
  flagged: '有问题',
};

export const absenceReasonLabels: Record<AbsenceReason, string> = {
  official_duty: '公差',
  sick_leave: '病假',
  personal_leave: '事假',
  other: '其他',
};

/** Short names for grid headers, where the full name would wrap. */
export const activityKindShortLabels: Record<ActivityKind, string> = {
  general_meeting: '党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  themed_party_day: '主题党日',
  organizational_life_meeting: '组织生活会',
  democratic_review: '民主评议',
  volunteer_service: '志愿服务',
  other: '其他',
};
