import type { FindingCategory, FindingState, FindingStepKind } from '@/db/schema/reviews';
import type { RecordFilters } from '@/lib/records/filters';
import type { ActivityKind, ActivityStatus } from '@/lib/records/types';

// What pages and components need from lib/reviews, without reaching into db/.

export { findingCategories, findingStates, type FindingCategory, type FindingState, type FindingStepKind } from '@/db/schema/reviews';

export type FindingStep = {
  id: number;
  kind: FindingStepKind;
  note: string;
  correctedRevision: number | null;
  dueOn: string | null;
  actorName: string | null;
  createdAt: Date;
};

export type Finding = {
  id: number;
  version: number;
  branchId: number;
  branchName: string;
  recordId: number | null;
  recordRevision: number | null;
  recordTopic: string | null;
  /** The inspection that raised it (明察暗访), when not a record review. */
  inspectionId: number | null;
  category: FindingCategory;
  comment: string;
  dueOn: string;
  state: FindingState;
  raisedOn: string;
  raisedByName: string | null;
  overdue: boolean;
};

export type FindingWithSteps = Finding & { steps: FindingStep[] };

export type QueueItem = {
  id: number;
  heldOn: string;
  branchName: string;
  kind: ActivityKind;
  topic: string | null;
  revision: number;
  submittedOn: string | null;
  lateDays: number | null;
};

export type ReviewCounts = Record<Exclude<ActivityStatus, 'draft'>, { total: number; capped: boolean }> & {
  findings: Record<FindingState, { total: number; capped: boolean }> & { overdue: { total: number; capped: boolean } };
};

export type UnitOverdue = { unitName: string; raised: number; closed: number; unclosed: number; overdue: number };

export type RecordReview = {
  findings: FindingWithSteps[];
  /** What the actor may do here: the auditor marks and raises, the branch answers. */
  canMark: boolean;
  canAnswer: boolean;
  /** The raise form's default due day (auditors only). */
  defaultDueOn: string | null;
};

export type QueueFilters = Omit<RecordFilters, 'status'>;
