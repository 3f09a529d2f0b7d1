import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '@/lib/audit/csv';
import { figureKeys, figureLabels } from './figure-keys';
import type { DevelopmentFigures } from './figures';

// The year's figures as a spreadsheet: one row per unit and a total row, the same numbers as the page.

export const FIGURES_HEADER = ['单位党组织', ...figureKeys.map((k) => figureLabels[k])];

export function figureRows(figures: DevelopmentFigures): (string | number)[][] {
  return [...figures.units, { ...figures.total, name: `合计：${figures.total.name}` }].map((u) => [u.name, ...figureKeys.map((k) => u.counts[k])]);
}

export function figuresCsv(figures: DevelopmentFigures): string {
  return CSV_BOM + csvLine(FIGURES_HEADER) + figureRows(figures).map((row) => csvLine(row.map(String))).join('');
}

export async function figuresXlsx(figures: DevelopmentFigures): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建门户';
  const sheet = workbook.addWorksheet(`${figures.year}年发展党员`);
  sheet.addRow(FIGURES_HEADER).font = { bold: true };
  sheet.addRows(figureRows(figures));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 14));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const figuresFilename = (figures: DevelopmentFigures, ext: 'csv' | 'xlsx') => `development-${figures.year}-${figures.root.id}.${ext}`;
