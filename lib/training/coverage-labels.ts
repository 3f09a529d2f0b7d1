import type { CoverageShow, CoverageStatus, NewSecretaryState } from './coverage';

// Chinese words of the coverage page and its export. Pure.

export const coverageStatusLabels: Record<CoverageStatus, string> = { trained: '已参加轮训', due: '新任，培训期限未到', untrained: '未参加轮训' };

export const newSecretaryStateLabels: Record<NewSecretaryState, string> = { trained: '已按期培训', due: '期限未到', overdue: '逾期未培训' };

export const coverageShowLabels: Record<CoverageShow, string> = {
  all: '应训人员',
  trained: '已参加轮训',
  due: '新任书记（期限未到）',
  untrained: '未参加轮训',
  below: '学时未达标',
  new: '新任书记',
  'new-overdue': '新任书记逾期未培训',
};

export const hourSourceLabels = { session: '培训课程', completion: '结业计学时（网络课程等）', hall: '大讲堂' } as const;
