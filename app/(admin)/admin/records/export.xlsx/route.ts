import { guardRoute } from '@/lib/auth/route-guard';
import { todayInBeijing } from '@/lib/calendar/days';
import { counted, limitNote, recordExportDisposition } from '@/lib/records/export';
import { parseRecordFilters } from '@/lib/records/filters';
import { exportRecords, RECORD_EXPORT_LIMIT } from '@/lib/records/list';
import { recordWorkbookStream } from '@/lib/records/xlsx';

export const dynamic = 'force-dynamic';

/** The filtered record book as an Excel workbook, written row by row, within the reader's scope. */
export async function GET(request: Request) {
  const { user, refusal } = await guardRoute('records.read', { format: 'text' });
  if (refusal) return refusal;

  const { batches, state } = counted(exportRecords(user, parseRecordFilters(new URL(request.url).searchParams)));
  const body = recordWorkbookStream(batches, { title: '组织生活记录', note: () => (state.rows >= RECORD_EXPORT_LIMIT ? limitNote(RECORD_EXPORT_LIMIT) : null) });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': recordExportDisposition('xlsx', todayInBeijing()),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
