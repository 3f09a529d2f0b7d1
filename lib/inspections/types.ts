import type { InspectionMethod, InspectionStatus } from '@/db/schema/inspections';
import type { FindingWithSteps } from '@/lib/reviews/types';

// What pages and components need from lib/inspections, without reaching into db/.

export { inspectionMethods, inspectionStatuses, type InspectionMethod, type InspectionStatus } from '@/db/schema/inspections';

export type InspectionListItem = {
  id: number;
  inspectedOn: string;
  branchId: number;
  branchName: string;
  unitName: string;
  method: InspectionMethod;
  scope: string;
  status: InspectionStatus;
  findings: number;
  closed: number;
  overdue: number;
};

export type InspectionDetail = InspectionListItem & {
  version: number;
  createdByName: string | null;
  releasedAt: Date | null;
  releasedByName: string | null;
  noticeArticleId: number | null;
  findingList: FindingWithSteps[];
  /** What the reader may do here. */
  canManage: boolean;
  canAnswer: boolean;
  canDraftNotice: boolean;
  /** The add-finding form's default due day (auditors only). */
  defaultDueOn: string | null;
};

/** Which findings a figure counts: all raised in the period, those closed, those overdue today. */
export const findingMeasures = ['raised', 'closed', 'overdue'] as const;
export type FindingMeasure = (typeof findingMeasures)[number];

export type InspectionFilters = {
  /** A node: the inspections and findings of its subtree. */
  node?: number;
  /** A unit (机关部门) by name: the per-unit figures' drill-down. */
  unit?: string;
  /** The period, by the day inspected (list) or the day raised (figures, findings). */
  from: string;
  to: string;
  measure?: FindingMeasure;
};

export type UnitFigures = {
  unitName: string;
  raised: number;
  closed: number;
  overdue: number;
  /** closed / raised in percent, one decimal; null when nothing was raised. */
  rate: number | null;
  /** Median of whole days from raised to closed over the closed ones; null when none closed. */
  medianDaysToClose: number | null;
};

export type InspectionStats = { units: UnitFigures[]; total: UnitFigures };

/** One finding of the drill-down list and its export. */
export type InspectionFindingRow = {
  id: number;
  inspectionId: number;
  inspectedOn: string;
  method: InspectionMethod;
  branchName: string;
  unitName: string;
  category: FindingWithSteps['category'];
  comment: string;
  raisedOn: string;
  dueOn: string;
  state: FindingWithSteps['state'];
  closedOn: string | null;
  overdue: boolean;
};
