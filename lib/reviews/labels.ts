import type { FindingCategory, FindingState, FindingStepKind } from './types';

// Chinese names of the review values, shared by pages, forms and messages.

export const findingCategoryLabels: Record<FindingCategory, string> = {
  false_content: '内容不实',
  insufficient_attendance: '出勤不足',
  missing_evidence: '缺少佐证',
  late_entry: '补录迟报',
  formalism: '形式主义',
  other: '其他',
};

export const findingStateLabels: Record<FindingState, string> = {
  open: '待整改',
  answered: '待复查',
  reopened: '退回重改',
  closed: '整改到位',
};

export const findingStepLabels: Record<FindingStepKind, string> = {
  raise: '提出问题',
  answer: '整改答复',
  reopen: '复查退回',
  close: '复查通过，整改到位',
};
