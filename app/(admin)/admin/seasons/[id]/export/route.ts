import { guardRoute } from '@/lib/auth/route-guard';
import { findSeason } from '@/lib/bookings/queries';
import { seasonStats, seasonStatsCsv, seasonStatsXlsx } from '@/lib/bookings/stats';
import { parseId } from '@/lib/ids';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A season's figures per unit as CSV or XLSX: the same cells as the season's page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await guardRoute('lectures.manage', { format: 'text' });
  if (refusal) return refusal;
  const id = parseId((await params).id);
  const season = id === null ? null : await findSeason(user, id);
  if (!season) return new Response('该送课季度不存在。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
  const format = new URL(request.url).searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const stats = await seasonStats(user, season.id);
  const body = format === 'xlsx' ? new Uint8Array(await seasonStatsXlsx(season.name, stats)) : seasonStatsCsv(stats);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="season-${season.id}-stats.${format}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
