import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '@/lib/audit/csv';

// A round's certificate list as CSV or XLSX: the same rows as the printable page.

type Round = { id: number; name: string; kind: string; requiredHours: number };
type Certificate = { certificateNo: string | null; name: string; branchName: string; attendedHours: number; completedOn: string | null };

export const CERTIFICATE_HEADER = ['证书编号', '姓名', '所在组织', '学时', '结业日期', '培训班'];

/** An online course counts its required hours on completion; other rounds the hours attended. */
export function certificateRows(round: Round, items: readonly Certificate[]): (string | number)[][] {
  return items.map((c) => [c.certificateNo ?? '', c.name, c.branchName, round.kind === 'online' ? round.requiredHours : c.attendedHours, c.completedOn ?? '', round.name]);
}

export function certificatesCsv(round: Round, items: readonly Certificate[]): string {
  return CSV_BOM + csvLine(CERTIFICATE_HEADER) + certificateRows(round, items).map((row) => csvLine(row.map(String))).join('');
}

export async function certificatesXlsx(round: Round, items: readonly Certificate[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建门户';
  const sheet = workbook.addWorksheet('结业名单');
  sheet.addRow(CERTIFICATE_HEADER).font = { bold: true };
  sheet.addRows(certificateRows(round, items));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((c, i) => (c.width = i === 2 || i === 5 ? 36 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Content-Disposition for a download named after the round (ASCII fallback first). */
export const certificatesDisposition = (round: Round, ext: 'csv' | 'xlsx') =>
  `attachment; filename="certificates-${round.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${round.name}-结业名单.${ext}`)}`;
