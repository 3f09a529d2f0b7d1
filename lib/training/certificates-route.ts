import 'server-only';
import { guardRoute } from '@/lib/auth/route-guard';
import { parseId } from '@/lib/ids';
import { certificatesCsv, certificatesDisposition, certificatesXlsx } from './certificates-export';
import { listCertificates } from './rounds-queries';

const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** The GET handler of a round's certificate list as `format`, within the reader's scope. */
export function certificateDownload(format: keyof typeof types) {
  return async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
    const { user, refusal } = await guardRoute('training.read', { format: 'text' });
    if (refusal) return refusal;
    const id = parseId((await params).id);
    const list = id === null ? null : await listCertificates(user, id);
    if (!list) return new Response('没有找到该培训班。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const body = format === 'csv' ? certificatesCsv(list.round, list.items) : new Uint8Array(await certificatesXlsx(list.round, list.items));
    return new Response(body, {
      headers: { 'Content-Type': types[format], 'Content-Disposition': certificatesDisposition(list.round, format), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
  };
}
