import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { lectureBookings, lectures, lectureSeasons, seasonOffers } from '@/db/schema/lectures';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { branchIdOf, form } from './auth-fixtures';
import { membersOf } from './records-fixtures';

// 四季送课 rows for the booking tests and the permission matrix: a season open today whatever
// the calendar says, with published lectures on offer, and bookings in a chosen state.

export const OPEN_SEASON = '测试开放送课季';

/** A season whose window holds today, offering the first `offers` published lectures. */
export async function openSeason(db: Database, name = OPEN_SEASON, offers = 6) {
  const [existing] = await db.select().from(lectureSeasons).where(eq(lectureSeasons.name, name));
  if (existing) return existing;
  const today = todayInBeijing();
  const [season] = await db
    .insert(lectureSeasons)
    .values({ name, year: Number(today.slice(0, 4)), bookingOpensOn: addDays(today, -10), bookingClosesOn: addDays(today, 40) })
    .returning();
  const published = await db.select({ id: lectures.id }).from(lectures).where(eq(lectures.published, true)).orderBy(lectures.id).limit(offers);
  await db.insert(seasonOffers).values(published.map((l) => ({ seasonId: season!.id, lectureId: l.id })));
  return season!;
}

export async function offeredLectures(db: Database, seasonId: number) {
  return db
    .select({ id: lectures.id, lecturerId: lectures.lecturerId, title: lectures.title, durationMinutes: lectures.durationMinutes })
    .from(seasonOffers)
    .innerJoin(lectures, eq(lectures.id, seasonOffers.lectureId))
    .where(eq(seasonOffers.seasonId, seasonId))
    .orderBy(lectures.id);
}

/** A valid booking request of `code`'s node for a lecture on offer. */
export async function requestForm(db: Database, code: string, lectureIndex = 0, overrides: Record<string, string | number> = {}) {
  const season = await openSeason(db);
  const lecture = (await offeredLectures(db, season.id))[lectureIndex]!;
  return form({ seasonId: season.id, lectureId: lecture.id, branchId: await branchIdOf(db, code), preferredDates: `${addDays(todayInBeijing(), 14)}、${addDays(todayInBeijing(), 15)}`, place: '机关三楼会议室', expectedAudience: 30, ...overrides });
}

let slotDay = 100;

/**
 * A booking of `code`'s node written straight to the database in `status`; a scheduled one gets
 * its own future slot (or `day`), with the lecture's lecturer.
 */
export async function bookingIn(db: Database, code: string, status: 'requested' | 'scheduled' | 'delivered' = 'requested', { day, lectureIndex = 0 }: { day?: string; lectureIndex?: number } = {}) {
  const branchId = await branchIdOf(db, code);
  // A branch holds one open booking of a lecture per season (lecture_bookings_open_key): a test
  // that needs another goes to a further open season offering the same lectures.
  let season = await openSeason(db);
  let lecture = (await offeredLectures(db, season.id))[lectureIndex]!;
  for (let k = 2; status !== 'delivered' && (await openBookingExists(db, branchId, lecture.id, season.id)); k++) {
    season = await openSeason(db, `${OPEN_SEASON}（${k}）`);
    lecture = (await offeredLectures(db, season.id))[lectureIndex]!;
  }
  const on = day ?? addDays(todayInBeijing(), ++slotDay);
  const slot =
    status === 'requested'
      ? {}
      : { scheduledStartsAt: new Date(`${on}T09:00:00+08:00`), scheduledEndsAt: new Date(`${on}T10:30:00+08:00`), lecturerId: lecture.lecturerId };
  const [row] = await db
    .insert(lectureBookings)
    .values({
      branchId,
      lectureId: lecture.id,
      seasonId: season.id,
      requestedOn: todayInBeijing(),
      preferredDates: [on],
      place: '机关三楼会议室',
      expectedAudience: 30,
      status,
      ...slot,
      ...(status === 'delivered' ? { deliveredOn: on, attendance: 20 } : {}),
    })
    .returning();
  return row!;
}

async function openBookingExists(db: Database, branchId: number, lectureId: number, seasonId: number) {
  const rows = await db
    .select({ id: lectureBookings.id })
    .from(lectureBookings)
    .where(and(eq(lectureBookings.branchId, branchId), eq(lectureBookings.lectureId, lectureId), eq(lectureBookings.seasonId, seasonId), inArray(lectureBookings.status, ['requested', 'scheduled'])));
  return rows.length > 0;
}

export const bookingRow = async (db: Database, id: number) => (await db.select().from(lectureBookings).where(eq(lectureBookings.id, id)))[0]!;

/** A delivery form: the node's first two members host and record, everyone present. */
export async function deliveryForm(db: Database, booking: { id: number; version: number }, code: string, overrides: Record<string, string | number> = {}) {
  const members = await membersOf(db, code);
  const values: Record<string, string | number> = { id: booking.id, version: booking.version, hostPersonId: members[0]!.id, recorderPersonId: members[1]!.id, summary: '讲师结合本单位实际讲授，党员踊跃提问交流。' };
  for (const m of members) values[`attendance_${m.id}`] = 'present';
  return form({ ...values, ...overrides });
}

export const bookingsOf = (db: Database, branchId: number, lectureId: number) =>
  db.select().from(lectureBookings).where(and(eq(lectureBookings.branchId, branchId), eq(lectureBookings.lectureId, lectureId)));

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

/** The permission matrix's rows for lib/bookings/actions.ts: each a valid submission on U01-B1. */
export function bookingCases(db: () => Database): Record<string, Case> {
  let seasons = 0;
  let requests = 0;
  let slots = 300;
  const BRANCH = 'U01-B1';
  const yesterday = () => addDays(todayInBeijing(), -1);
  return {
    createSeasonAction: {
      permission: 'lectures.manage',
      audit: 'season.create',
      form: async () => form({ name: `矩阵送课季${++seasons}`, year: 2027, bookingOpensOn: '2027-02-15', bookingClosesOn: '2027-03-31' }),
    },
    updateSeasonAction: {
      permission: 'lectures.manage',
      audit: 'season.update',
      form: async () => {
        const s = await openSeason(db());
        const [row] = await db().select().from(lectureSeasons).where(eq(lectureSeasons.id, s.id));
        return form({ id: row!.id, version: row!.version, name: row!.name, year: row!.year, bookingOpensOn: row!.bookingOpensOn, bookingClosesOn: addDays(row!.bookingClosesOn, 1) });
      },
    },
    setSeasonOfferAction: {
      permission: 'lectures.manage',
      audit: 'season.offer|season.unoffer',
      form: async () => {
        const s = await openSeason(db());
        const offered = await offeredLectures(db(), s.id);
        // Takes the newest offer off while there are more than four, else offers the next published lecture.
        if (offered.length > 4) return form({ seasonId: s.id, lectureId: offered.at(-1)!.id, offered: 'false' });
        const [next] = await db()
          .select({ id: lectures.id })
          .from(lectures)
          .where(and(eq(lectures.published, true), notInArray(lectures.id, offered.map((o) => o.id))))
          .limit(1);
        return form({ seasonId: s.id, lectureId: next!.id, offered: 'true' });
      },
    },
    requestBookingAction: {
      permission: 'bookings.request',
      audit: 'booking.request',
      form: async () => requestForm(db(), BRANCH, 1 + (++requests % 4)),
    },
    scheduleBookingAction: {
      permission: 'bookings.schedule',
      audit: 'booking.schedule',
      form: async () => {
        const b = await bookingIn(db(), BRANCH, 'requested');
        const lecture = (await db().select().from(lectures).where(eq(lectures.id, b.lectureId)))[0]!;
        return form({ id: b.id, version: b.version, date: addDays(todayInBeijing(), ++slots), startTime: '14:00', endTime: '15:30', lecturerId: lecture.lecturerId });
      },
    },
    declineBookingAction: {
      permission: 'bookings.schedule',
      audit: 'booking.decline',
      form: async () => {
        const b = await bookingIn(db(), BRANCH, 'requested');
        return form({ id: b.id, version: b.version, reason: '讲师本季度已排满，请改约下季度。' });
      },
    },
    cancelBookingAction: {
      permission: 'bookings.request',
      audit: 'booking.cancel',
      form: async () => {
        const b = await bookingIn(db(), BRANCH, 'scheduled');
        return form({ id: b.id, version: b.version, reason: '单位临时有重要任务，改期另约。' });
      },
    },
    confirmDeliveryAction: {
      permission: 'bookings.request',
      // The 党课 it writes in the record book has its own row first.
      audit: 'record.submit,booking.deliver',
      form: async () => {
        const b = await bookingIn(db(), BRANCH, 'scheduled', { day: yesterday() });
        return deliveryForm(db(), b, BRANCH);
      },
    },
    rateBookingAction: {
      permission: 'bookings.request',
      audit: 'booking.rate',
      form: async () => {
        const b = await bookingIn(db(), BRANCH, 'delivered', { day: yesterday() });
        return form({ id: b.id, rating: 5, comment: '讲得好。' });
      },
    },
  };
}
