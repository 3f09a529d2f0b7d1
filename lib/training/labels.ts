import type { TrainingAudience, TrainingKind } from '@/db/schema/training';

// Chinese labels of training kinds and audiences, shared by the round pages and the coverage pages.

export const trainingKindLabels: Record<TrainingKind, string> = {
  rotation: '轮训班',
  thematic: '专题培训',
  concentrated: '集中培训',
  online: '网络课程',
};

export const trainingAudienceLabels: Record<TrainingAudience, string> = {
  secretaries: '党组织书记',
  committee_members: '支部委员',
  activists: '入党积极分子',
  development_targets: '发展对象',
  all_members: '全体党员',
};
