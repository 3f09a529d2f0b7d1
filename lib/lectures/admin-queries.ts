import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lectureShowcases, lecturerListings, lecturers, lectures, type LectureFormat, type LectureTheme } from '@/db/schema/lectures';
import { type Actor, authorize } from '@/lib/auth/permissions';

// Reads for the catalog's administration [lectures.manage]; each checks the permission itself.
// The pool is bounded by the organization's size (千人师资库): whole lists, no paging.

export type AdminLecturer = {
  id: number;
  name: string;
  unitName: string;
  title: string | null;
  specialties: string[];
  bio: string;
  phone: string | null;
  email: string | null;
  inPool: boolean;
  version: number;
  listedYears: number[];
  lectureCount: number;
};

const lecturerFields = {
  id: lecturers.id,
  name: lecturers.name,
  unitName: lecturers.unitName,
  title: lecturers.title,
  specialties: lecturers.specialties,
  bio: lecturers.bio,
  phone: lecturers.phone,
  email: lecturers.email,
  inPool: lecturers.inPool,
  version: lecturers.version,
  listedYears: sql<number[]>`coalesce((select array_agg(${lecturerListings.year} order by ${lecturerListings.year} desc) from ${lecturerListings} where ${lecturerListings.lecturerId} = ${lecturers.id}), '{}')`,
  lectureCount: sql<number>`(select count(*)::int from ${lectures} where ${lectures.lecturerId} = ${lecturers.id})`,
};

/** The whole pool, active first, by name: one query. */
export async function listLecturersForAdmin(actor: Actor): Promise<AdminLecturer[]> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  return db.select(lecturerFields).from(lecturers).orderBy(desc(lecturers.inPool), asc(lecturers.name), asc(lecturers.id));
}

export async function findLecturerForAdmin(actor: Actor, id: number): Promise<AdminLecturer | null> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  const [row] = await db.select(lecturerFields).from(lecturers).where(eq(lecturers.id, id));
  return row ?? null;
}

/** Lecturer choices for the lecture form, with whether each is active. */
export async function lecturerOptions(actor: Actor): Promise<{ id: number; name: string; unitName: string; inPool: boolean }[]> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  return db.select({ id: lecturers.id, name: lecturers.name, unitName: lecturers.unitName, inPool: lecturers.inPool }).from(lecturers).orderBy(asc(lecturers.name), asc(lecturers.id));
}

export type AdminLecture = {
  id: number;
  title: string;
  theme: LectureTheme;
  format: LectureFormat;
  durationMinutes: number;
  summary: string;
  outline: string;
  lecturerId: number;
  lecturerName: string;
  published: boolean;
  version: number;
  showcaseYears: number[];
};

const lectureFields = {
  id: lectures.id,
  title: lectures.title,
  theme: lectures.theme,
  format: lectures.format,
  durationMinutes: lectures.durationMinutes,
  summary: lectures.summary,
  outline: lectures.outline,
  lecturerId: lectures.lecturerId,
  lecturerName: lecturers.name,
  published: lectures.published,
  version: lectures.version,
  showcaseYears: sql<number[]>`coalesce((select array_agg(${lectureShowcases.year} order by ${lectureShowcases.year} desc) from ${lectureShowcases} where ${lectureShowcases.lectureId} = ${lectures.id}), '{}')`,
};

/** The whole catalog, newest first: one query. */
export async function listLecturesForAdmin(actor: Actor): Promise<AdminLecture[]> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  return db.select(lectureFields).from(lectures).innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId)).orderBy(desc(lectures.createdAt), desc(lectures.id));
}

export async function findLectureForAdmin(actor: Actor, id: number): Promise<AdminLecture | null> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  const [row] = await db.select(lectureFields).from(lectures).innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId)).where(eq(lectures.id, id));
  return row ?? null;
}
