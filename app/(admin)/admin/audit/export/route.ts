import { auditCsvFilename, auditCsvLine, auditCsvPreamble } from '@/lib/audit/csv';
import { parseAuditFilters } from '@/lib/audit/filters';
import { exportAuditEntries } from '@/lib/audit/queries';
import { guardRoute } from '@/lib/auth/route-guard';

export const dynamic = 'force-dynamic';

/** The filtered trail as CSV, streamed batch by batch, for auditors and admins only. */
export async function GET(request: Request) {
  const { user, refusal } = await guardRoute('audit.read', { format: 'text' });
  if (refusal) return refusal;

  const batches = exportAuditEntries(user, parseAuditFilters(new URL(request.url).searchParams));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvPreamble()));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(auditCsvLine).join('')));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const filename = auditCsvFilename();
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
