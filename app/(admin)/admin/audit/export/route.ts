import { auditCsvFilename, auditCsvLine, auditCsvPreamble } from '@/lib/audit/csv';
import { parseAuditFilters } from '@/lib/audit/filters';
import { exportAuditEntries } from '@/lib/audit/queries';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';

const refuse = (status: 401 | 403, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/** The filtered trail as CSV, streamed batch by batch, for auditors and admins only. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return refuse(401, '请先登录。');
  if (!can(user, 'audit.read')) return refuse(403, '您没有导出审计日志的权限。');

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
