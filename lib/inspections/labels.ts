import type { FindingMeasure, InspectionMethod, InspectionStatus } from './types';

// Chinese names of the inspection values, shared by pages, forms and exports.

export const inspectionMethodLabels: Record<InspectionMethod, string> = {
  announced: '明察',
  unannounced: '暗访',
  four_nos: '四不两直',
};

export const inspectionStatusLabels: Record<InspectionStatus, string> = {
  draft: '未发布',
  released: '已发布',
};

export const findingMeasureLabels: Record<FindingMeasure, string> = {
  raised: '发现问题',
  closed: '已整改到位',
  overdue: '逾期未整改',
};
