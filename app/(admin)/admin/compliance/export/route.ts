import { guardRoute } from '@/lib/auth/route-guard';
import { complianceCsv, complianceXlsx, exportFilename } from '@/lib/compliance/export';
import { parseComplianceFilters } from '@/lib/compliance/filters';
import { todayInBeijing } from '@/lib/calendar/days';
import { complianceReport } from '@/lib/compliance/queries';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The year's compliance of a node and its subtree as CSV or XLSX: the same figures as the page. */
export async function GET(request: Request) {
  const { user, refusal } = await guardRoute('compliance.read', { format: 'text' });
  if (refusal) return refusal;
  const params = new URL(request.url).searchParams;
  const today = todayInBeijing();
  const filters = parseComplianceFilters(params, today);
  const format = params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  try {
    const report = await complianceReport(user, { branchId: filters.branchId, year: filters.year, today });
    const filename = exportFilename(report, format);
    const body = format === 'xlsx' ? new Uint8Array(await complianceXlsx(report)) : complianceCsv(report);
    return new Response(body, {
      headers: {
        'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
    throw error;
  }
}
