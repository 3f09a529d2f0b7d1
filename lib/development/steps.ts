// The steps of member development, which stage each may be taken from, what it leads to and who
// decides it. Pure data shared by the engine, the forms and the labels.

export const recordStages = ['applicant', 'activist', 'development_target', 'probationary', 'full_member', 'dropped', 'cancelled'] as const;
export type RecordStage = (typeof recordStages)[number];

export const stepKinds = [
  'talk',
  'to_activist',
  'assessment',
  'to_target',
  'political_review',
  'training',
  'pre_review',
  'to_probationary',
  'approval',
  'oath',
  'extend',
  'to_full_member',
  'conversion_approval',
  'drop',
  'cancel',
] as const;
export type StepKind = (typeof stepKinds)[number];

export type DecidingBody = 'branch_committee' | 'general_meeting' | 'higher_committee';

type StepSpec = { from: readonly RecordStage[]; to: RecordStage | null; body: DecidingBody; label: string };

/** `to: null` records an event inside the stage (a talk, an assessment …), not a stage change. */
export const steps: Record<StepKind, StepSpec> = {
  talk: { from: ['applicant'], to: null, body: 'branch_committee', label: '与入党申请人谈话' },
  to_activist: { from: ['applicant'], to: 'activist', body: 'branch_committee', label: '确定为入党积极分子' },
  assessment: { from: ['activist', 'development_target'], to: null, body: 'branch_committee', label: '培养考察（半年考察）' },
  to_target: { from: ['activist'], to: 'development_target', body: 'branch_committee', label: '列为发展对象' },
  political_review: { from: ['development_target'], to: null, body: 'branch_committee', label: '政治审查' },
  training: { from: ['development_target'], to: null, body: 'higher_committee', label: '集中培训' },
  pre_review: { from: ['development_target'], to: null, body: 'higher_committee', label: '上级党委预审' },
  to_probationary: { from: ['development_target'], to: 'probationary', body: 'general_meeting', label: '支部大会讨论接收为预备党员' },
  approval: { from: ['probationary'], to: null, body: 'higher_committee', label: '上级党委审批' },
  oath: { from: ['probationary'], to: null, body: 'branch_committee', label: '入党宣誓' },
  extend: { from: ['probationary'], to: null, body: 'general_meeting', label: '延长预备期' },
  to_full_member: { from: ['probationary'], to: 'full_member', body: 'general_meeting', label: '支部大会讨论转为正式党员' },
  conversion_approval: { from: ['full_member'], to: null, body: 'higher_committee', label: '上级党委审批转正' },
  drop: { from: ['applicant', 'activist', 'development_target'], to: 'dropped', body: 'branch_committee', label: '不再列为培养对象' },
  cancel: { from: ['probationary'], to: 'cancelled', body: 'general_meeting', label: '取消预备党员资格' },
};

export const stageLabels: Record<RecordStage, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  development_target: '发展对象',
  probationary: '预备党员',
  full_member: '正式党员',
  dropped: '不再列为培养对象',
  cancelled: '已取消预备党员资格',
};

export const bodyLabels: Record<DecidingBody, string> = {
  branch_committee: '支部委员会',
  general_meeting: '支部党员大会',
  higher_committee: '上级党委',
};

export const assessmentResults = ['excellent', 'qualified', 'unqualified'] as const;
export type AssessmentResult = (typeof assessmentResults)[number];
export const assessmentResultLabels: Record<AssessmentResult, string> = { excellent: '优秀', qualified: '合格', unqualified: '不合格' };

/** The record column each step dates (development_records); steps without one are events only. */
export type DateColumn =
  | 'appliedOn'
  | 'talkedOn'
  | 'activistOn'
  | 'targetOn'
  | 'politicalReviewOn'
  | 'concentratedTrainingOn'
  | 'preReviewedOn'
  | 'probationaryOn'
  | 'approvedOn'
  | 'oathOn'
  | 'extendedOn'
  | 'fullMemberOn'
  | 'conversionApprovedOn'
  | 'exitedOn';

export const dateColumnOf: Partial<Record<StepKind | 'apply', DateColumn>> = {
  apply: 'appliedOn',
  talk: 'talkedOn',
  to_activist: 'activistOn',
  to_target: 'targetOn',
  political_review: 'politicalReviewOn',
  training: 'concentratedTrainingOn',
  pre_review: 'preReviewedOn',
  to_probationary: 'probationaryOn',
  approval: 'approvedOn',
  oath: 'oathOn',
  extend: 'extendedOn',
  to_full_member: 'fullMemberOn',
  conversion_approval: 'conversionApprovedOn',
  drop: 'exitedOn',
  cancel: 'exitedOn',
};

export const stepLabel = (step: StepKind | 'apply' | null, toStage: RecordStage): string => (step === 'apply' ? '递交入党申请' : step === null ? stageLabels[toStage] : steps[step].label);
