import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lecturers, lectures } from '@/db/schema/lectures';

export type ShowcaseLecture = { id: number; title: string; theme: string; lecturerName: string; lecturerUnit: string; durationMinutes: number };

/** Showcase lectures (精品党课) of pool lecturers, for the public catalog teaser. */
export async function listShowcaseLectures({ limit = 4 }: { limit?: number } = {}): Promise<ShowcaseLecture[]> {
  const db = await getDb();
  return db
    .select({
      id: lectures.id,
      title: lectures.title,
      theme: lectures.theme,
      lecturerName: lecturers.name,
      lecturerUnit: lecturers.unitName,
      durationMinutes: lectures.durationMinutes,
    })
    .from(lectures)
    .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
    .where(and(eq(lectures.showcase, true), eq(lecturers.inPool, true)))
    .orderBy(desc(lectures.updatedAt), desc(lectures.id))
    .limit(limit);
}
