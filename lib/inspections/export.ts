import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '@/lib/audit/csv';
import { findingCategoryLabels, findingStateLabels } from '@/lib/reviews/labels';
import { findingMeasureLabels, inspectionMethodLabels } from './labels';
import type { InspectionFilters, InspectionFindingRow, InspectionStats } from './types';

// The inspection findings as a spreadsheet: one row per finding (the list behind a figure), and
// in XLSX a second sheet with the per-unit figures of the same period. Same values as the page.

export const FINDING_EXPORT_HEADER = ['提出日期', '单位', '被督查组织', '督查日期', '督查方式', '问题类别', '问题说明', '整改期限', '状态', '是否逾期', '整改到位日期', '督查编号', '问题编号'];
export const STATS_HEADER = ['单位', '发现问题', '已整改到位', '逾期未整改', '整改率（%）', '整改用时中位数（天）'];

export function findingCells(r: InspectionFindingRow): (string | number)[] {
  return [
    r.raisedOn,
    r.unitName,
    r.branchName,
    r.inspectedOn,
    inspectionMethodLabels[r.method],
    findingCategoryLabels[r.category],
    r.comment,
    r.dueOn,
    findingStateLabels[r.state],
    r.overdue ? '是' : '否',
    r.closedOn ?? '',
    r.inspectionId,
    r.id,
  ];
}

export function statsCells(stats: InspectionStats): (string | number)[][] {
  return [...stats.units, stats.total].map((u) => [u.unitName, u.raised, u.closed, u.overdue, u.rate ?? '', u.medianDaysToClose ?? '']);
}

export function findingsCsv(rows: InspectionFindingRow[]): string {
  return CSV_BOM + csvLine(FINDING_EXPORT_HEADER) + rows.map((r) => csvLine(findingCells(r).map(String))).join('');
}

export async function findingsXlsx(rows: InspectionFindingRow[], stats: InspectionStats, filters: InspectionFilters): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建门户';
  const list = workbook.addWorksheet(filters.measure ? findingMeasureLabels[filters.measure] : '督查发现问题');
  list.addRow(FINDING_EXPORT_HEADER).font = { bold: true };
  list.addRows(rows.map(findingCells));
  list.views = [{ state: 'frozen', ySplit: 1 }];
  list.columns.forEach((c, i) => (c.width = i === 6 ? 50 : i === 1 || i === 2 ? 30 : 12));
  const units = workbook.addWorksheet('单位汇总');
  units.addRow(STATS_HEADER).font = { bold: true };
  units.addRows(statsCells(stats));
  units.getColumn(1).width = 30;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** inspection-findings-20260101-20261231.csv: the period in the name. */
export const findingsExportFilename = (filters: InspectionFilters, ext: 'csv' | 'xlsx') =>
  `inspection-findings-${filters.from.replace(/-/g, '')}-${filters.to.replace(/-/g, '')}${filters.measure ? `-${filters.measure}` : ''}.${ext}`;
