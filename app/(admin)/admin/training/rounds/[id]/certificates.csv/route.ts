import { guardRoute } from '@/lib/auth/route-guard';
import { parseId } from '@/lib/ids';
import { certificatesCsv, certificatesDisposition } from '@/lib/training/certificates-export';
import { listCertificates } from '@/lib/training/rounds-queries';

export const dynamic = 'force-dynamic';

/** A round's certificate list as CSV, within the reader's scope. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await guardRoute('training.read', { format: 'text' });
  if (refusal) return refusal;
  const id = parseId((await params).id);
  const list = id === null ? null : await listCertificates(user, id);
  if (!list) return new Response('没有找到该培训班。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(certificatesCsv(list.round, list.items), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': certificatesDisposition(list.round, 'csv'),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
