import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { branches } from '@/db/schema/branches';
import { lectureBookings } from '@/db/schema/lectures';
import { CSV_BOM, csvLine } from '@/lib/audit/csv';
import { type Actor, authorize } from '@/lib/auth/permissions';

// A season's figures per unit (the government unit a booking branch sits in): booked, delivered,
// cancelled, declined and the average rating, one grouped query; the same cells for the page,
// the CSV and the XLSX export.

/** `ratingSum` is the sum of the ratings: the total's average comes from it, not from the rounded averages. */
export type SeasonUnitStats = { unitName: string; booked: number; delivered: number; cancelled: number; declined: number; ratings: number; ratingSum: number; averageRating: number | null };

/** An average to one decimal, as the page and the exports show it; null without ratings. */
const averageOf = (sum: number, count: number) => (count ? Math.round((sum / count) * 10) / 10 : null);

export async function seasonStats(actor: Actor, seasonId: number): Promise<SeasonUnitStats[]> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  const rows = await db
    .select({
      unitName: branches.unitName,
      booked: sql<number>`count(*)::int`,
      delivered: sql<number>`count(*) filter (where ${lectureBookings.status} = 'delivered')::int`,
      cancelled: sql<number>`count(*) filter (where ${lectureBookings.status} = 'cancelled')::int`,
      declined: sql<number>`count(*) filter (where ${lectureBookings.status} = 'declined')::int`,
      ratings: sql<number>`count(${lectureBookings.rating})::int`,
      ratingSum: sql<number>`coalesce(sum(${lectureBookings.rating}), 0)::int`,
    })
    .from(lectureBookings)
    .innerJoin(branches, eq(branches.id, lectureBookings.branchId))
    .where(eq(lectureBookings.seasonId, seasonId))
    .groupBy(branches.unitName)
    .orderBy(asc(branches.unitName));
  return rows.map((r) => ({ ...r, averageRating: averageOf(r.ratingSum, r.ratings) }));
}

/** The season's totals over every unit; the average over all the season's ratings. */
export function statsTotal(rows: SeasonUnitStats[]): SeasonUnitStats {
  const sum = (k: 'booked' | 'delivered' | 'cancelled' | 'declined' | 'ratings' | 'ratingSum') => rows.reduce((n, r) => n + r[k], 0);
  const ratings = sum('ratings');
  const ratingSum = sum('ratingSum');
  return { unitName: '合计', booked: sum('booked'), delivered: sum('delivered'), cancelled: sum('cancelled'), declined: sum('declined'), ratings, ratingSum, averageRating: averageOf(ratingSum, ratings) };
}

export const STATS_HEADER = ['单位', '预约', '已授课', '已取消', '未能安排', '评价数', '平均评分'];

const cells = (r: SeasonUnitStats) => [r.unitName, r.booked, r.delivered, r.cancelled, r.declined, r.ratings, r.averageRating ?? ''];

export function seasonStatsCsv(rows: SeasonUnitStats[]): string {
  return CSV_BOM + csvLine(STATS_HEADER) + [...rows, statsTotal(rows)].map((r) => csvLine(cells(r).map(String))).join('');
}

export async function seasonStatsXlsx(seasonName: string, rows: SeasonUnitStats[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党建门户';
  // Sheet names may not hold []:*?/\ and are at most 31 characters.
  const sheet = workbook.addWorksheet(seasonName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || '送课统计');
  sheet.addRow(STATS_HEADER).font = { bold: true };
  sheet.addRows([...rows, statsTotal(rows)].map(cells));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.getColumn(1).width = 36;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
