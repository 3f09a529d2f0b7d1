import 'server-only';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { branches } from '@/db/schema/branches';
import { type BookingStatus, bookingStatuses, lectureBookings, lecturers, lectures, lectureSeasons, seasonOffers } from '@/db/schema/lectures';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { inBranchIds, visibleBranchIds } from '@/lib/branches/visible';
import { todayInBeijing } from '@/lib/calendar/days';
import { keyset, keysetPage, type KeysetPage, cursorFields, integerKey } from '@/lib/pagination/keyset';

// Reads of 四季送课: seasons with their offers [lectures.manage], and bookings [bookings.read],
// which a secretary sees for their own subtree only. Seasons are a handful a year: whole lists.

export type SeasonListItem = { id: number; name: string; year: number; bookingOpensOn: string; bookingClosesOn: string; offers: number; bookings: number; version: number };

export async function listSeasons(actor: Actor): Promise<SeasonListItem[]> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  return db
    .select({
      id: lectureSeasons.id,
      name: lectureSeasons.name,
      year: lectureSeasons.year,
      bookingOpensOn: lectureSeasons.bookingOpensOn,
      bookingClosesOn: lectureSeasons.bookingClosesOn,
      version: lectureSeasons.version,
      offers: sql<number>`(select count(*)::int from ${seasonOffers} where ${seasonOffers.seasonId} = ${lectureSeasons.id})`,
      bookings: sql<number>`(select count(*)::int from ${lectureBookings} where ${lectureBookings.seasonId} = ${lectureSeasons.id})`,
    })
    .from(lectureSeasons)
    .orderBy(desc(lectureSeasons.bookingOpensOn), desc(lectureSeasons.id))
    .limit(200);
}

export async function findSeason(actor: Actor, id: number): Promise<SeasonListItem | null> {
  const rows = await listSeasons(actor);
  return rows.find((s) => s.id === id) ?? null;
}

export type OfferChoice = { id: number; title: string; lecturerName: string; published: boolean; offered: boolean };

/** The catalog with whether each lecture is on the season's offer; published first. */
export async function seasonOfferChoices(actor: Actor, seasonId: number): Promise<OfferChoice[]> {
  authorize(actor, 'lectures.manage');
  const db = await getDb();
  return db
    .select({
      id: lectures.id,
      title: lectures.title,
      lecturerName: lecturers.name,
      published: lectures.published,
      offered: sql<boolean>`exists (select 1 from ${seasonOffers} where ${seasonOffers.seasonId} = ${seasonId} and ${seasonOffers.lectureId} = ${lectures.id})`,
    })
    .from(lectures)
    .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
    .orderBy(desc(lectures.published), asc(lectures.title), asc(lectures.id));
}

export type OpenSeasonOffer = { seasonId: number; seasonName: string; bookingClosesOn: string; lectures: { id: number; title: string; lecturerName: string; durationMinutes: number }[] };

/** Seasons open for booking today, each with the published lectures it offers. */
export async function openSeasonOffers(actor: Actor, today = todayInBeijing()): Promise<OpenSeasonOffer[]> {
  authorize(actor, 'bookings.request');
  const db = await getDb();
  const rows = await db
    .select({
      seasonId: lectureSeasons.id,
      seasonName: lectureSeasons.name,
      bookingClosesOn: lectureSeasons.bookingClosesOn,
      id: lectures.id,
      title: lectures.title,
      lecturerName: lecturers.name,
      durationMinutes: lectures.durationMinutes,
    })
    .from(lectureSeasons)
    .innerJoin(seasonOffers, eq(seasonOffers.seasonId, lectureSeasons.id))
    .innerJoin(lectures, and(eq(lectures.id, seasonOffers.lectureId), eq(lectures.published, true)))
    .innerJoin(lecturers, eq(lecturers.id, lectures.lecturerId))
    .where(and(lte(lectureSeasons.bookingOpensOn, today), gte(lectureSeasons.bookingClosesOn, today)))
    .orderBy(asc(lectureSeasons.bookingClosesOn), asc(lectureSeasons.id), asc(lectures.title));
  const seasons = new Map<number, OpenSeasonOffer>();
  for (const r of rows) {
    const s = seasons.get(r.seasonId) ?? { seasonId: r.seasonId, seasonName: r.seasonName, bookingClosesOn: r.bookingClosesOn, lectures: [] };
    s.lectures.push({ id: r.id, title: r.title, lecturerName: r.lecturerName, durationMinutes: r.durationMinutes });
    seasons.set(r.seasonId, s);
  }
  return [...seasons.values()];
}

export type BookingFilters = { season?: number; status?: BookingStatus; branch?: number };

export function parseBookingFilters(params: Record<string, string | string[] | undefined>): BookingFilters {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  const num = (k: string) => {
    const v = one(k);
    return v && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : undefined;
  };
  const status = one('status');
  return { season: num('season'), branch: num('branch'), status: (bookingStatuses as readonly string[]).includes(status ?? '') ? (status as BookingStatus) : undefined };
}

export type BookingListItem = {
  id: number;
  branchName: string;
  unitName: string;
  lectureTitle: string;
  seasonName: string | null;
  status: BookingStatus;
  requestedOn: string;
  scheduledStartsAt: Date | null;
  scheduledEndsAt: Date | null;
  lecturerName: string | null;
  rating: number | null;
};

export const BOOKINGS_PAGE_SIZE = 20;
const bookingKeyset = keyset({ sort: integerKey(lectureBookings.id), id: lectureBookings.id, direction: 'desc' });

/** Bookings newest first (keyset on id, which follows the request day), filtered, in the reader's scope. */
export async function listBookings(actor: Actor, filters: BookingFilters, cursor: string | string[] | undefined): Promise<KeysetPage<BookingListItem>> {
  authorize(actor, 'bookings.read');
  const db = await getDb();
  const ids = await visibleBranchIds(db, actor, 'bookings.read', filters.branch);
  const lecturer = sql<string | null>`(select ${lecturers.name} from ${lecturers} where ${lecturers.id} = ${lectureBookings.lecturerId})`;
  return keysetPage({
    keyset: bookingKeyset,
    cursor,
    pageSize: BOOKINGS_PAGE_SIZE,
    rows: ({ where, orderBy, limit }) =>
      db
        .select({
          id: lectureBookings.id,
          branchName: branches.name,
          unitName: branches.unitName,
          lectureTitle: lectures.title,
          seasonName: lectureSeasons.name,
          status: lectureBookings.status,
          requestedOn: lectureBookings.requestedOn,
          scheduledStartsAt: lectureBookings.scheduledStartsAt,
          scheduledEndsAt: lectureBookings.scheduledEndsAt,
          lecturerName: lecturer,
          rating: lectureBookings.rating,
          ...cursorFields(bookingKeyset),
        })
        .from(lectureBookings)
        .innerJoin(branches, eq(branches.id, lectureBookings.branchId))
        .innerJoin(lectures, eq(lectures.id, lectureBookings.lectureId))
        .leftJoin(lectureSeasons, eq(lectureSeasons.id, lectureBookings.seasonId))
        .where(
          and(
            where,
            inBranchIds(lectureBookings.branchId, ids),
            filters.season ? eq(lectureBookings.seasonId, filters.season) : undefined,
            filters.status ? eq(lectureBookings.status, filters.status) : undefined,
          ),
        )
        .orderBy(...orderBy)
        .limit(limit),
  });
}

export type BookingDetail = BookingListItem & {
  branchId: number;
  lectureId: number;
  lecturerId: number | null;
  defaultLecturerId: number;
  defaultLecturerName: string;
  durationMinutes: number;
  preferredDates: string[];
  place: string | null;
  expectedAudience: number | null;
  declineReason: string | null;
  cancelReason: string | null;
  deliveredOn: string | null;
  attendance: number | null;
  recordId: number | null;
  feedback: string | null;
  ratedAt: Date | null;
  version: number;
};

/** One booking, or null; AppError('forbidden') when it lies outside the reader's subtree. */
export async function findBooking(actor: Actor, id: number): Promise<BookingDetail | null> {
  authorize(actor, 'bookings.read');
  const db = await getDb();
  const [row] = await db
    .select({
      id: lectureBookings.id,
      branchId: lectureBookings.branchId,
      branchName: branches.name,
      unitName: branches.unitName,
      lectureId: lectureBookings.lectureId,
      lectureTitle: lectures.title,
      durationMinutes: lectures.durationMinutes,
      defaultLecturerId: lectures.lecturerId,
      defaultLecturerName: sql<string>`(select ${lecturers.name} from ${lecturers} where ${lecturers.id} = ${lectures.lecturerId})`,
      seasonName: lectureSeasons.name,
      status: lectureBookings.status,
      requestedOn: lectureBookings.requestedOn,
      preferredDates: sql<string[]>`coalesce(${lectureBookings.preferredDates}::text[], '{}')`,
      place: lectureBookings.place,
      expectedAudience: lectureBookings.expectedAudience,
      scheduledStartsAt: lectureBookings.scheduledStartsAt,
      scheduledEndsAt: lectureBookings.scheduledEndsAt,
      lecturerId: lectureBookings.lecturerId,
      lecturerName: sql<string | null>`(select ${lecturers.name} from ${lecturers} where ${lecturers.id} = ${lectureBookings.lecturerId})`,
      declineReason: lectureBookings.declineReason,
      cancelReason: lectureBookings.cancelReason,
      deliveredOn: lectureBookings.deliveredOn,
      attendance: lectureBookings.attendance,
      recordId: lectureBookings.recordId,
      rating: lectureBookings.rating,
      feedback: lectureBookings.feedback,
      ratedAt: lectureBookings.ratedAt,
      version: lectureBookings.version,
    })
    .from(lectureBookings)
    .innerJoin(branches, eq(branches.id, lectureBookings.branchId))
    .innerJoin(lectures, eq(lectures.id, lectureBookings.lectureId))
    .leftJoin(lectureSeasons, eq(lectureSeasons.id, lectureBookings.seasonId))
    .where(eq(lectureBookings.id, id));
  if (!row) return null;
  authorize(actor, 'bookings.read', { branchId: row.branchId });
  return row;
}

/** Active lecturers to confirm when scheduling. */
export async function schedulableLecturers(actor: Actor): Promise<{ id: number; name: string; unitName: string }[]> {
  authorize(actor, 'bookings.schedule');
  const db = await getDb();
  return db.select({ id: lecturers.id, name: lecturers.name, unitName: lecturers.unitName }).from(lecturers).where(eq(lecturers.inPool, true)).orderBy(asc(lecturers.name), asc(lecturers.id));
}

/** Season names for the bookings filter, newest first. */
export async function listSeasonNames(actor: Actor): Promise<{ id: number; name: string }[]> {
  authorize(actor, 'bookings.read');
  const db = await getDb();
  return db.select({ id: lectureSeasons.id, name: lectureSeasons.name }).from(lectureSeasons).orderBy(desc(lectureSeasons.bookingOpensOn), desc(lectureSeasons.id)).limit(200);
}
