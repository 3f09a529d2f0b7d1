import type { auditLog } from '@/db/schema/audit';
import { canonicalJson } from './chain';
import { actorRoleLabel, formatAuditTime } from './labels';

// The audit trail as CSV for Excel and WPS: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order
// mark (without it both open Chinese text as mojibake), and no cell a spreadsheet would run as a
// formula.

export const CSV_BOM = '\uFEFF';

export type AuditCsvEntry = Pick<
  typeof auditLog.$inferSelect,
  'id' | 'at' | 'actorName' | 'actorRole' | 'action' | 'entityType' | 'entityId' | 'ip' | 'before' | 'after' | 'hash'
>;

export const AUDIT_CSV_HEADER = ['时间', '操作人', '角色', '操作', '对象类型', '对象ID', 'IP', '变更前', '变更后', '哈希'];

// Spreadsheets evaluate cells starting with these; tab and CR start formulas in some of them too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralized when it could run as a formula, quoted when it needs to be. */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const snapshot = (value: unknown) => (value === null || value === undefined ? '' : canonicalJson(value));

export function auditCsvLine(entry: AuditCsvEntry): string {
  return csvLine([
    formatAuditTime(entry.at),
    entry.actorName,
    actorRoleLabel(entry.actorRole),
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.ip,
    snapshot(entry.before),
    snapshot(entry.after),
    entry.hash,
  ]);
}

/** The start of the file: byte order mark and header line. */
export const auditCsvPreamble = () => CSV_BOM + csvLine(AUDIT_CSV_HEADER);

/** A whole file, for small exports and tests; the route streams the same lines. */
export function toAuditCsv(entries: AuditCsvEntry[]): string {
  return auditCsvPreamble() + entries.map(auditCsvLine).join('');
}

/** audit-20250314.csv, dated by the Beijing day of `now`. */
export function auditCsvFilename(now = new Date()): string {
  return `audit-${formatAuditTime(now).slice(0, 10).replace(/-/g, '')}.csv`;
}
