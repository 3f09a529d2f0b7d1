import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '@/lib/audit/csv';
import { branchKindLabels } from '@/lib/branches/kinds';
import { percent } from './evaluate';
import { ruleLabel, stateLabels } from './labels';
import { periodLabel } from './periods';
import type { ComplianceReport } from './types';

// The compliance of a year as a spreadsheet: one row per node × rule × period (what a pivot table
// wants), and in XLSX a second sheet with the per-unit roll-up. Same figures as the page.

export const DETAIL_HEADER = ['组织', '组织类型', '规则', '周期', '开始日期', '结束日期', '要求次数', '实际次数', '其中逾期补录', '结果'];
export const UNIT_HEADER = ['单位党组织', '基层组织数', '全部达标数', '达标率（%）'];

export function detailRows(report: ComplianceReport): (string | number)[][] {
  return report.nodes.flatMap((n) =>
    n.rules.flatMap((r) =>
      r.periods.map((p) => [n.node.name, branchKindLabels[n.node.kind], ruleLabel(r.key), periodLabel(p.period), p.period.from, p.period.to, p.required, p.held, p.late, stateLabels[p.state].text]),
    ),
  );
}

export function unitRows(report: ComplianceReport): (string | number)[][] {
  return [...report.units, { ...report.total, name: `合计：${report.total.name}` }].map((u) => [u.name, u.nodes, u.compliant, percent(u.compliant, u.nodes) ?? '']);
}

export function complianceCsv(report: ComplianceReport): string {
  return CSV_BOM + csvLine(DETAIL_HEADER) + detailRows(report).map((row) => csvLine(row.map(String))).join('');
}

export async function complianceXlsx(report: ComplianceReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建门户';
  const detail = workbook.addWorksheet(`${report.year}年落实情况`);
  detail.addRow(DETAIL_HEADER).font = { bold: true };
  detail.addRows(detailRows(report));
  detail.views = [{ state: 'frozen', ySplit: 1 }];
  detail.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 12));
  const units = workbook.addWorksheet('单位汇总');
  units.addRow(UNIT_HEADER).font = { bold: true };
  units.addRows(unitRows(report));
  units.getColumn(1).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const exportFilename = (report: ComplianceReport, ext: 'csv' | 'xlsx') => `compliance-${report.year}-${report.root.id}.${ext}`;
