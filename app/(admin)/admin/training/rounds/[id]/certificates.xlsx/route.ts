import { guardRoute } from '@/lib/auth/route-guard';
import { parseId } from '@/lib/ids';
import { certificatesDisposition, certificatesXlsx } from '@/lib/training/certificates-export';
import { listCertificates } from '@/lib/training/rounds-queries';

export const dynamic = 'force-dynamic';

/** A round's certificate list as an Excel workbook, within the reader's scope. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await guardRoute('training.read', { format: 'text' });
  if (refusal) return refusal;
  const id = parseId((await params).id);
  const list = id === null ? null : await listCertificates(user, id);
  if (!list) return new Response('没有找到该培训班。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(await certificatesXlsx(list.round, list.items)), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': certificatesDisposition(list.round, 'xlsx'),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
