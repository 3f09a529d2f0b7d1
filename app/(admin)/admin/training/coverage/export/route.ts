import { guardRoute } from '@/lib/auth/route-guard';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { coverageCsv, coverageFilename, coverageXlsx } from '@/lib/training/coverage-export';
import { parseCoverageParams } from '@/lib/training/coverage-params';
import { coverageReport } from '@/lib/training/coverage-queries';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The year's training coverage as CSV or XLSX: the same rows and figures as the page. */
export async function GET(request: Request) {
  const { user, refusal } = await guardRoute('training.read', { format: 'text' });
  if (refusal) return refusal;
  const params = new URL(request.url).searchParams;
  const today = todayInBeijing();
  const { year, unitId } = parseCoverageParams(Object.fromEntries(params), today);
  const format = params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  try {
    const report = await coverageReport(user, { year, unitId, today });
    const body = format === 'xlsx' ? new Uint8Array(await coverageXlsx(report)) : coverageCsv(report);
    return new Response(body, {
      headers: {
        'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${coverageFilename(report, format)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
    throw error;
  }
}
