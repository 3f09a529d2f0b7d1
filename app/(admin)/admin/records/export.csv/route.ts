import { guardRoute } from '@/lib/auth/route-guard';
import { todayInBeijing } from '@/lib/calendar/days';
import { counted, limitNote, recordCsvLine, recordCsvPreamble, recordExportDisposition } from '@/lib/records/export';
import { parseRecordFilters } from '@/lib/records/filters';
import { exportRecords, RECORD_EXPORT_LIMIT } from '@/lib/records/list';
import { csvLine } from '@/lib/audit/csv';

export const dynamic = 'force-dynamic';

/** The filtered record book as CSV, streamed batch by batch, within the reader's scope. */
export async function GET(request: Request) {
  const { user, refusal } = await guardRoute('records.read', { format: 'text' });
  if (refusal) return refusal;

  const { batches, state } = counted(exportRecords(user, parseRecordFilters(new URL(request.url).searchParams)));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(recordCsvPreamble()));
    },
    async pull(controller) {
      const next = await batches.next();
      if (!next.done) return controller.enqueue(encoder.encode(next.value.map(recordCsvLine).join('')));
      if (state.rows >= RECORD_EXPORT_LIMIT) controller.enqueue(encoder.encode(csvLine([limitNote(RECORD_EXPORT_LIMIT)])));
      controller.close();
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': recordExportDisposition('csv', todayInBeijing()),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
