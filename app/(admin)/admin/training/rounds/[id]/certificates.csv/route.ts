import { CSV_BOM, csvLine } from '@/lib/audit/csv';
import { guardRoute } from '@/lib/auth/route-guard';
import { parseId } from '@/lib/ids';
import { listCertificates } from '@/lib/training/rounds-queries';

export const dynamic = 'force-dynamic';

/** A round's certificate list as CSV, within the reader's scope. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await guardRoute('training.read', { format: 'text' });
  if (refusal) return refusal;
  const id = parseId((await params).id);
  const list = id === null ? null : await listCertificates(user, id);
  if (!list) return new Response('没有找到该培训班。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { round, items } = list;
  const hours = (h: number) => String(round.kind === 'online' ? round.requiredHours : h);
  const body = CSV_BOM + csvLine(['证书编号', '姓名', '所在组织', '学时', '结业日期', '培训班']) + items.map((c) => csvLine([c.certificateNo, c.name, c.branchName, hours(c.attendedHours), c.completedOn, round.name])).join('');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="certificates-${round.id}.csv"; filename*=UTF-8''${encodeURIComponent(`${round.name}-结业名单.csv`)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
