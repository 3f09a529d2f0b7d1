import { guardRoute } from '@/lib/auth/route-guard';
import { todayInBeijing } from '@/lib/calendar/days';
import { parseFigureQuery } from '@/lib/development/figure-keys';
import { developmentFigures } from '@/lib/development/figures';
import { figuresCsv, figuresFilename, figuresXlsx } from '@/lib/development/figures-export';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The year's development figures as CSV or XLSX: the same numbers as the page. */
export async function GET(request: Request) {
  const { user, refusal } = await guardRoute('development.read', { format: 'text' });
  if (refusal) return refusal;
  const params = new URL(request.url).searchParams;
  const { year } = parseFigureQuery({ year: params.get('year') ?? undefined }, todayInBeijing());
  const format = params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  try {
    const figures = await developmentFigures(user, year);
    const body = format === 'xlsx' ? new Uint8Array(await figuresXlsx(figures)) : figuresCsv(figures);
    return new Response(body, {
      headers: {
        'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${figuresFilename(figures, format)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
    throw error;
  }
}
