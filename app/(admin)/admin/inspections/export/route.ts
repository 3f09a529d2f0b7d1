import { guardRoute } from '@/lib/auth/route-guard';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { findingsCsv, findingsExportFilename, findingsXlsx } from '@/lib/inspections/export';
import { parseInspectionFilters } from '@/lib/inspections/filters';
import { FINDING_EXPORT_LIMIT, getInspectionStats, listInspectionFindings } from '@/lib/inspections/queries';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The inspection findings under the page's filters as CSV or XLSX: the same rows as the page. */
export async function GET(request: Request) {
  const { user, refusal } = await guardRoute('inspections.read', { format: 'text' });
  if (refusal) return refusal;
  const params = new URL(request.url).searchParams;
  const filters = parseInspectionFilters(params, todayInBeijing());
  const format = params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  try {
    const rows = await listInspectionFindings(user, filters, { limit: FINDING_EXPORT_LIMIT });
    const body = format === 'xlsx' ? new Uint8Array(await findingsXlsx(rows, await getInspectionStats(user, filters), filters)) : findingsCsv(rows);
    return new Response(body, {
      headers: {
        'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${findingsExportFilename(filters, format)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
    throw error;
  }
}
