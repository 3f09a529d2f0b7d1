import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lectureBookings, lectures } from '@/db/schema/lectures';
import { MIN_RATINGS_SHOWN } from './labels';
import type { LectureFigures } from './queries';

/**
 * A lecturer's 四季送课 figures: bookings they delivered (the lecturer confirmed when scheduling,
 * else the lecture's own) and the average of their ratings, shown only from MIN_RATINGS_SHOWN on.
 */
export async function lecturerFigures(lecturerId: number): Promise<LectureFigures> {
  const db = await getDb();
  const [row] = await db
    .select({
      delivered: sql<number>`count(*)::int`,
      ratings: sql<number>`count(${lectureBookings.rating})::int`,
      average: sql<string | null>`avg(${lectureBookings.rating})`,
    })
    .from(lectureBookings)
    .innerJoin(lectures, eq(lectures.id, lectureBookings.lectureId))
    .where(sql`${lectureBookings.status} = 'delivered' and coalesce(${lectureBookings.lecturerId}, ${lectures.lecturerId}) = ${lecturerId}`);
  const ratings = row?.ratings ?? 0;
  const average = row?.average == null ? null : Math.round(Number(row.average) * 10) / 10;
  return { delivered: row?.delivered ?? 0, ratings, averageRating: ratings >= MIN_RATINGS_SHOWN ? average : null };
}
