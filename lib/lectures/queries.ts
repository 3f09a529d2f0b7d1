import 'server-only';
import { and, asc, count, desc, eq, exists, gte, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { hallSessions, lectureBookings, lectureSeasons, lectureShowcases, lecturerListings, lecturers, lectures, seasonOffers, type LectureFormat, type LectureTheme } from '@/db/schema/lectures';
import { todayInBeijing } from '@/lib/calendar/days';
import { countOf, paginate, type Page } from '@/lib/pagination/offset';
import { parseSearchQuery } from '@/lib/search/tokenize';
import { MIN_RATINGS_SHOWN } from './labels';

// Public reads of the lecture catalog. The one rule for what the public sees: a published
// lecture of an active pool lecturer. Lecturers' contact details are never selected here.

/** A lecture the public may see. */
export const publicLecture = and(eq(lectures.published, true), eq(lecturers.inPool, true))!;

/** An active lecturer on some year's list or with a published lecture. */
const publicLecturer = and(
  eq(lecturers.inPool, true),
  or(
    exists(sql`(select 1 from ${lecturerListings} where ${lecturerListings.lecturerId} = ${lecturers.id})`),
    exists(sql`(select 1 from ${lectures} where ${lectures.lecturerId} = ${lecturers.id} and ${lectures.published})`),
  ),
)!;

/** Offered in a season whose booking window holds `today`. */
const offeredOn = (today: string) =>
  exists(
    sql`(select 1 from ${seasonOffers} join ${lectureSeasons} on ${lectureSeasons.id} = ${seasonOffers.seasonId}
      where ${seasonOffers.lectureId} = ${lectures.id} and ${lectureSeasons.bookingOpensOn} <= ${today} and ${lectureSeasons.bookingClosesOn} >= ${today})`,
  );

const onShowcase = (year: number) =>
  exists(sql`(select 1 from ${lectureShowcases} where ${lectureShowcases.lectureId} = ${lectures.id} and ${lectureShowcases.year} = ${year})`);

export type ShowcaseLecture = { id: number; title: string; theme: LectureTheme; lecturerId: number; lecturerName: string; lecturerUnit: string; durationMinutes: number };

/** The newest year that has a showcase list, or null. */
export async function latestShowcaseYear(): Promise<number | null> {
  const db = await getDb();
  const [row] = await db.select({ year: sql<number | null>`max(${lectureShowcases.year})` }).from(lectureShowcases);
  return row?.year ?? null;
}

/** Lectures of the newest showcase list (百节精品党课), for the home page teaser: one query. */
export async function listShowcaseLectures({ limit = 4 }: { limit?: number } = {}): Promise<{ year: number | null; lectures: ShowcaseLecture[] }> {
  const db = await getDb();
  const rows = await db
    .select({
      id: lectures.id,
      title: lectures.title,
      theme: lectures.theme,
      lecturerId: lecturers.id,
      lecturerName: lecturers.name,
      lecturerUnit: lecturers.unitName,
      durationMinutes: lectures.durationMinutes,
      year: lectureShowcases.year,
    })
    .from(lectureShowcases)
    .innerJoin(lectures, eq(lectures.id, lectureShowcases.lectureId))
    .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
    .where(and(publicLecture, sql`${lectureShowcases.year} = (select max(${lectureShowcases.year}) from ${lectureShowcases})`))
    .orderBy(desc(lectures.createdAt), desc(lectures.id))
    .limit(limit);
  return { year: rows[0]?.year ?? null, lectures: rows.map(({ year: _year, ...lecture }) => lecture) };
}

export type CatalogFilters = { theme?: LectureTheme; format?: LectureFormat; lecturerId?: number; year?: number; q?: string };

export type CatalogItem = ShowcaseLecture & { format: LectureFormat; summary: string; bookable: boolean; showcase: boolean };

export const CATALOG_PAGE_SIZE = 20;

/** `%text%` with LIKE's wildcards taken literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** The text search's condition: bigram phrases on the vector, lone characters as substrings. */
function textMatch(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const parsed = parseSearchQuery(q);
  if (parsed.kind === 'empty') return undefined;
  const vector = parsed.tsquery ? sql`${lectures.searchVector} @@ ${parsed.tsquery}::tsquery` : undefined;
  const substrings = parsed.substrings.map((text) => or(ilike(lectures.title, likePattern(text)), ilike(lectures.summary, likePattern(text)), ilike(lectures.outline, likePattern(text)), ilike(lecturers.name, likePattern(text))));
  return and(vector, ...substrings);
}

/** The public catalog: published lectures, newest first, filtered; `bookable` = on offer in an open season today. */
export async function listCatalog(filters: CatalogFilters, { page = 1, pageSize = CATALOG_PAGE_SIZE, today = todayInBeijing() }: { page?: number; pageSize?: number; today?: string } = {}): Promise<Page<CatalogItem>> {
  const db = await getDb();
  const showcaseYear = filters.year ?? (await latestShowcaseYear());
  const match = textMatch(filters.q);
  const where = and(
    publicLecture,
    filters.theme ? eq(lectures.theme, filters.theme) : undefined,
    filters.format ? eq(lectures.format, filters.format) : undefined,
    filters.lecturerId ? eq(lectures.lecturerId, filters.lecturerId) : undefined,
    filters.year ? onShowcase(filters.year) : undefined,
    match,
  );
  return paginate({
    page,
    pageSize,
    rows: ({ limit, offset }) =>
      db
        .select({
          id: lectures.id,
          title: lectures.title,
          theme: lectures.theme,
          format: lectures.format,
          summary: lectures.summary,
          lecturerId: lecturers.id,
          lecturerName: lecturers.name,
          lecturerUnit: lecturers.unitName,
          durationMinutes: lectures.durationMinutes,
          bookable: sql<boolean>`${offeredOn(today)}`,
          showcase: showcaseYear === null ? sql<boolean>`false` : sql<boolean>`${onShowcase(showcaseYear)}`,
        })
        .from(lectures)
        .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
        .where(where)
        .orderBy(desc(lectures.createdAt), desc(lectures.id))
        .limit(limit)
        .offset(offset),
    count: () =>
      db
        .select({ n: count() })
        .from(lectures)
        .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
        .where(where)
        .then(countOf),
  });
}

export type CatalogFilterOptions = { lecturers: { id: number; name: string }[]; years: number[] };

/** What the catalog's filters offer: lecturers with a published lecture, the years with a showcase list. */
export async function catalogFilterOptions(): Promise<CatalogFilterOptions> {
  const db = await getDb();
  const [lecturerRows, yearRows] = await Promise.all([
    db
      .selectDistinct({ id: lecturers.id, name: lecturers.name })
      .from(lecturers)
      .innerJoin(lectures, eq(lectures.lecturerId, lecturers.id))
      .where(publicLecture)
      .orderBy(asc(lecturers.name), asc(lecturers.id)),
    db.selectDistinct({ year: lectureShowcases.year }).from(lectureShowcases).orderBy(desc(lectureShowcases.year)),
  ]);
  return { lecturers: lecturerRows, years: yearRows.map((r) => r.year) };
}

export type LectureFigures = { delivered: number; ratings: number; averageRating: number | null };

/** Times delivered and the average rating, the average only from MIN_RATINGS_SHOWN ratings on. */
export async function lectureFigures(lectureId: number): Promise<LectureFigures> {
  const db = await getDb();
  const [row] = await db
    .select({
      delivered: sql<number>`count(*) filter (where ${lectureBookings.status} = 'delivered')::int`,
      ratings: sql<number>`count(${lectureBookings.rating})::int`,
      average: sql<string | null>`avg(${lectureBookings.rating})`,
    })
    .from(lectureBookings)
    .where(eq(lectureBookings.lectureId, lectureId));
  const ratings = row?.ratings ?? 0;
  const average = row?.average == null ? null : Math.round(Number(row.average) * 10) / 10;
  return { delivered: row?.delivered ?? 0, ratings, averageRating: ratings >= MIN_RATINGS_SHOWN ? average : null };
}

export type PublicLecturer = { id: number; name: string; unitName: string; title: string | null; specialties: string[]; bio: string; listedYears: number[] };

export type OpenSeason = { id: number; name: string; bookingClosesOn: string };

export type LectureDetail = CatalogItem & {
  outline: string[];
  showcaseYears: number[];
  lecturer: PublicLecturer;
  figures: LectureFigures;
  openSeasons: OpenSeason[];
};

const publicLecturerFields = {
  id: lecturers.id,
  name: lecturers.name,
  unitName: lecturers.unitName,
  title: lecturers.title,
  specialties: lecturers.specialties,
  bio: lecturers.bio,
};

async function listedYearsOf(lecturerIds: number[]): Promise<Map<number, number[]>> {
  const years = new Map<number, number[]>();
  if (lecturerIds.length === 0) return years;
  const db = await getDb();
  const rows = await db
    .select({ lecturerId: lecturerListings.lecturerId, year: lecturerListings.year })
    .from(lecturerListings)
    .where(inArray(lecturerListings.lecturerId, lecturerIds))
    .orderBy(desc(lecturerListings.year));
  for (const row of rows) years.set(row.lecturerId, [...(years.get(row.lecturerId) ?? []), row.year]);
  return years;
}

/** A published lecture's page, or null when the public may not see it. */
export async function findPublicLecture(id: number, { today = todayInBeijing() }: { today?: string } = {}): Promise<LectureDetail | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: lectures.id,
      title: lectures.title,
      theme: lectures.theme,
      format: lectures.format,
      summary: lectures.summary,
      outline: lectures.outline,
      durationMinutes: lectures.durationMinutes,
      lecturerId: lecturers.id,
      lecturerName: lecturers.name,
      lecturerUnit: lecturers.unitName,
      lecturer: publicLecturerFields,
    })
    .from(lectures)
    .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
    .where(and(publicLecture, eq(lectures.id, id)));
  if (!row) return null;
  const [showcaseRows, figures, openSeasons, listed] = await Promise.all([
    db.select({ year: lectureShowcases.year }).from(lectureShowcases).where(eq(lectureShowcases.lectureId, id)).orderBy(desc(lectureShowcases.year)),
    lectureFigures(id),
    db
      .select({ id: lectureSeasons.id, name: lectureSeasons.name, bookingClosesOn: lectureSeasons.bookingClosesOn })
      .from(seasonOffers)
      .innerJoin(lectureSeasons, eq(lectureSeasons.id, seasonOffers.seasonId))
      .where(and(eq(seasonOffers.lectureId, id), sql`${lectureSeasons.bookingOpensOn} <= ${today}`, gte(lectureSeasons.bookingClosesOn, today)))
      .orderBy(asc(lectureSeasons.bookingClosesOn)),
    listedYearsOf([row.lecturerId]),
  ]);
  const showcaseYears = showcaseRows.map((r) => r.year);
  const latest = await latestShowcaseYear();
  return {
    ...row,
    outline: row.outline.split('\n').map((line) => line.trim()).filter(Boolean),
    showcaseYears,
    showcase: latest !== null && showcaseYears.includes(latest),
    bookable: openSeasons.length > 0,
    lecturer: { ...row.lecturer, listedYears: listed.get(row.lecturerId) ?? [] },
    figures,
    openSeasons,
  };
}

export type ListedLecturer = PublicLecturer & { lectureCount: number };

/** Years with a published lecturer list, newest first. */
export async function lecturerListYears(): Promise<number[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ year: lecturerListings.year }).from(lecturerListings).orderBy(desc(lecturerListings.year));
  return rows.map((r) => r.year);
}

/** A year's published list (百名党课讲师): active lecturers on it, by name. */
export async function listListedLecturers(year: number): Promise<ListedLecturer[]> {
  const db = await getDb();
  const rows = await db
    .select({
      ...publicLecturerFields,
      lectureCount: sql<number>`(select count(*)::int from ${lectures} where ${lectures.lecturerId} = ${lecturers.id} and ${lectures.published})`,
    })
    .from(lecturerListings)
    .innerJoin(lecturers, eq(lecturers.id, lecturerListings.lecturerId))
    .where(and(eq(lecturerListings.year, year), eq(lecturers.inPool, true)))
    .orderBy(asc(lecturers.name), asc(lecturers.id));
  const listed = await listedYearsOf(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, listedYears: listed.get(r.id) ?? [] }));
}

export type LecturerDetail = PublicLecturer & { lectures: CatalogItem[] };

/** A lecturer's public page: only for an active lecturer who is listed or has a published lecture. */
export async function findPublicLecturer(id: number, { today = todayInBeijing() }: { today?: string } = {}): Promise<LecturerDetail | null> {
  const db = await getDb();
  const [row] = await db.select(publicLecturerFields).from(lecturers).where(and(publicLecturer, eq(lecturers.id, id)));
  if (!row) return null;
  const [listed, list] = await Promise.all([listedYearsOf([id]), listCatalog({ lecturerId: id }, { pageSize: 100, today })]);
  return { ...row, listedYears: listed.get(id) ?? [], lectures: list.items };
}

/** Addresses for the sitemap: published lectures and public lecturers with their last change. */
export async function listLectureSitemapEntries(): Promise<{ lectures: { id: number; lastModified: Date }[]; lecturers: { id: number; lastModified: Date }[]; hallLastModified: Date | null }> {
  const db = await getDb();
  const [lectureRows, lecturerRows, hall] = await Promise.all([
    db.select({ id: lectures.id, lastModified: lectures.updatedAt }).from(lectures).innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId)).where(publicLecture).orderBy(asc(lectures.id)),
    db.select({ id: lecturers.id, lastModified: lecturers.updatedAt }).from(lecturers).where(publicLecturer).orderBy(asc(lecturers.id)),
    db.select({ at: sql<string | null>`max(${hallSessions.updatedAt})` }).from(hallSessions),
  ]);
  const hallAt = hall[0]?.at;
  return { lectures: lectureRows, lecturers: lecturerRows, hallLastModified: hallAt ? new Date(hallAt) : null };
}
