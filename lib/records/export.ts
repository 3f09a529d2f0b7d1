import { CSV_BOM, csvLine } from '@/lib/audit/csv';
import { attendanceRate } from './attendance';
import { activityKindLabels, activityStatusLabels } from './labels';
import type { RecordExportRow } from './types';

// The record book as a spreadsheet: one header of Chinese column names and one row per record,
// shared by the CSV and the XLSX export so both hold exactly the same cells.

/** What one exported row is made of (the submission time is not a column). */
export type ExportRow = Omit<RecordExportRow, 'submittedAt'>;


export const RECORD_EXPORT_HEADER = ['活动日期', '组织', '活动类型', '主题', '地点', '开始时间', '结束时间', '第一议题', '主持人', '记录人', '授课人', '应到', '实到', '出勤率', '状态', '版本', '提交日期', '补录（会后天数）', '记录编号'];

/** Column widths for the XLSX sheet, in characters. */
export const RECORD_EXPORT_WIDTHS = [12, 36, 14, 30, 20, 9, 9, 30, 10, 10, 10, 6, 6, 8, 8, 6, 12, 10, 9];

export function exportCells(r: ExportRow): (string | number | null)[] {
  const rate = attendanceRate(r.present, r.expected);
  return [
    r.heldOn,
    r.branchName,
    activityKindLabels[r.kind],
    r.topic,
    r.place,
    r.startTime,
    r.endTime,
    r.firstAgendaStudied ? r.firstAgendaTopic || '是' : '否',
    r.host,
    r.recorder,
    r.speaker,
    r.expected,
    r.present,
    rate === null ? null : `${rate}%`,
    activityStatusLabels[r.status],
    r.revision,
    r.submittedOn,
    r.lateDays,
    r.id,
  ];
}

export const recordCsvPreamble = () => CSV_BOM + csvLine(RECORD_EXPORT_HEADER);

export const recordCsvLine = (r: ExportRow) => csvLine(exportCells(r).map((c) => (c === null ? '' : String(c))));

/** records-20261201.csv (or .xlsx), dated by the Beijing day of `now`. */
export function recordExportFilename(ext: 'csv' | 'xlsx', today: string): string {
  return `records-${today.replace(/-/g, '')}.${ext}`;
}

/** 组织生活记录-20261201.xlsx: the name the browser offers (the ASCII name is the fallback). */
export function recordExportDisposition(ext: 'csv' | 'xlsx', today: string): string {
  const ascii = recordExportFilename(ext, today);
  const named = `组织生活记录-${today.replace(/-/g, '')}.${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(named)}`;
}

/** Counts what passes through, so the end of a file can say when the export limit cut it short. */
export function counted<T>(batches: AsyncGenerator<T[]>) {
  const state = { rows: 0 };
  async function* pass() {
    for await (const batch of batches) {
      state.rows += batch.length;
      yield batch;
    }
  }
  return { batches: pass(), state };
}

export const limitNote = (limit: number) => `已达导出上限 ${limit} 条，其余较早的记录未导出；请缩小筛选范围（如按年度或组织）分次导出。`;
