import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { exportCells, type ExportRow, RECORD_EXPORT_HEADER, RECORD_EXPORT_WIDTHS } from './export';

// The XLSX export, written by exceljs' streaming writer row by row as batches arrive, so a large
// export never sits in memory as one workbook. Cells are plain values: exceljs stores strings
// as text, never as formulas.

/** A stream of the workbook; an error while reading the batches ends the stream with it. */
export function recordWorkbookStream(batches: AsyncIterable<ExportRow[]>, { title, note }: { title: string; note?: () => string | null }): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RECORD_EXPORT_HEADER.map((header, i) => ({ header, width: RECORD_EXPORT_WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of batches) for (const row of batch) sheet.addRow(exportCells(row)).commit();
    const last = note?.();
    if (last) sheet.addRow([last]).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
