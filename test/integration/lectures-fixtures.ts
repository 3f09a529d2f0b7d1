import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { lectureShowcases, lecturerListings, lecturers, lectures } from '@/db/schema/lectures';

// Rows of the demo catalog for the lecture action tests.

export async function lecturerRow(db: Database, name: string) {
  const [row] = await db.select().from(lecturers).where(eq(lecturers.name, name));
  if (!row) throw new Error(`no lecturer ${name}`);
  return row;
}

export async function lectureRow(db: Database, title: string) {
  const [row] = await db.select().from(lectures).where(eq(lectures.title, title));
  if (!row) throw new Error(`no lecture ${title}`);
  return row;
}

export async function isListed(db: Database, lecturerId: number, year: number) {
  const rows = await db.select().from(lecturerListings).where(and(eq(lecturerListings.lecturerId, lecturerId), eq(lecturerListings.year, year)));
  return rows.length > 0;
}

export async function isShowcased(db: Database, lectureId: number, year: number) {
  const rows = await db.select().from(lectureShowcases).where(and(eq(lectureShowcases.lectureId, lectureId), eq(lectureShowcases.year, year)));
  return rows.length > 0;
}

/** A valid lecture form for the demo catalog. */
export const lectureForm = (lecturerId: number, title = '矩阵测试党课') => ({ title, theme: 'theory', format: 'topical', lecturerId, durationMinutes: 60, summary: '测试简介', outline: '第一部分\n第二部分' });
