import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '@/lib/audit/csv';
import { positionLabels } from '@/lib/branches/kinds';
import type { CoverageReport } from './coverage-queries';
import { coverageStatusLabels, newSecretaryStateLabels } from './coverage-labels';

// The coverage of a year as a spreadsheet: one row per person who had to be trained, and in XLSX
// a second sheet with the per-unit figures. Same rows and figures as the page.

export const PEOPLE_HEADER = ['单位党组织', '所在组织', '姓名', '职务', '轮训情况', '轮训结业日期', '年度学时', '最低学时', '学时达标', '新任书记任职日期', '新任书记培训期限', '新任书记培训情况'];
export const UNIT_HEADER = ['单位党组织', '应训人数', '已轮训', '新任期限未到', '未轮训', '其中书记应训', '书记已轮训', '学时未达标'];

export function peopleRows(report: CoverageReport): (string | number)[][] {
  return report.people.map((p) => [
    p.unitName,
    p.branchName,
    p.name,
    positionLabels[p.position],
    coverageStatusLabels[p.status],
    p.rotationOn ?? '',
    p.hours,
    p.minHours,
    p.hoursMet ? '是' : '否',
    p.newSecretary?.since ?? '',
    p.newSecretary?.deadline ?? '',
    p.newSecretary ? newSecretaryStateLabels[p.newSecretary.state] : '',
  ]);
}

export function unitRows(report: CoverageReport): (string | number)[][] {
  return [...report.units, { id: 0, name: `合计：${report.root.name}`, figures: report.total }].map(({ name, figures: f }) => [
    name,
    f.required,
    f.trained,
    f.due,
    f.untrained,
    f.secretaries.required,
    f.secretaries.trained,
    f.belowHours,
  ]);
}

export function coverageCsv(report: CoverageReport): string {
  return CSV_BOM + csvLine(PEOPLE_HEADER) + peopleRows(report).map((row) => csvLine(row.map(String))).join('');
}

export async function coverageXlsx(report: CoverageReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建门户';
  const people = workbook.addWorksheet(`${report.year}年应训人员`);
  people.addRow(PEOPLE_HEADER).font = { bold: true };
  people.addRows(peopleRows(report));
  people.views = [{ state: 'frozen', ySplit: 1 }];
  people.columns.forEach((c, i) => (c.width = i < 2 ? 36 : 14));
  const units = workbook.addWorksheet('单位汇总');
  units.addRow(UNIT_HEADER).font = { bold: true };
  units.addRows(unitRows(report));
  units.getColumn(1).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const coverageFilename = (report: CoverageReport, ext: 'csv' | 'xlsx') => `training-coverage-${report.year}-${report.root.id}.${ext}`;
