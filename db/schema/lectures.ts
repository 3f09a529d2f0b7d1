import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { activityRecords } from './activities';
import { articles } from './articles';
import { branches } from './branches';
import { oneOf, timestamps, tsvector, versioned } from './helpers';
import { people } from './people';

/** Lecturers of the city-wide pool (千人师资库). The pool and its contact details are internal. */
export const lecturers = pgTable(
  'lecturers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    unitName: text().notNull(),
    title: text(),
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    bio: text().notNull().default(''),
    // Active in the pool; an inactive lecturer is on no public page and cannot be booked.
    inPool: boolean().notNull().default(true),
    // Internal only: never selected by a public query.
    phone: text(),
    email: text(),
    // The lecturer's row in a branch roster, when they are a member of an organ's branch.
    personId: integer().references(() => people.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [index('lecturers_name_idx').on(t.name, t.id), index('lecturers_person_idx').on(t.personId)],
);

/** A year's published list of lecturers (百名党课讲师): one row per lecturer and year. */
export const lecturerListings = pgTable(
  'lecturer_listings',
  {
    lecturerId: integer()
      .notNull()
      .references(() => lecturers.id, { onDelete: 'cascade' }),
    year: smallint().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lecturer_listings_key').on(t.year, t.lecturerId),
    index('lecturer_listings_lecturer_idx').on(t.lecturerId, t.year),
    check('lecturer_listings_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);

// Themes of the catalog (党史学习教育, 理论武装 …); labels in lib/lectures/labels.ts.
export const lectureThemes = [
  'party_history',
  'theory',
  'integrity',
  'business_environment',
  'conduct',
  'revolutionary_tradition',
  'party_building',
] as const;
export type LectureTheme = (typeof lectureThemes)[number];

// 专题, 情景, 沉浸式, 现场教学.
export const lectureFormats = ['topical', 'staged', 'immersive', 'on_site'] as const;
export type LectureFormat = (typeof lectureFormats)[number];

export const lectures = pgTable(
  'lectures',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    theme: text({ enum: lectureThemes }).notNull(),
    lecturerId: integer()
      .notNull()
      .references(() => lecturers.id, { onDelete: 'restrict' }),
    format: text({ enum: lectureFormats }).notNull(),
    durationMinutes: integer().notNull(),
    summary: text().notNull().default(''),
    // One item per line.
    outline: text().notNull().default(''),
    // Only published lectures reach the public site, the teaser and the season offers.
    published: boolean().notNull().default(false),
    // CJK bigrams of title (A), theme and lecturer (B), synopsis and outline (C): lib/lectures/search-index.ts.
    searchVector: tsvector().notNull().default(sql`''::tsvector`),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('lectures_lecturer_idx').on(t.lecturerId),
    // The public catalog's order: newest first among the published.
    index('lectures_published_order_idx').on(t.createdAt, t.id).where(sql`${t.published}`),
    index('lectures_theme_idx').on(t.theme, t.createdAt, t.id).where(sql`${t.published}`),
    index('lectures_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    check('lectures_format_check', oneOf(t.format, lectureFormats)),
    check('lectures_theme_check', oneOf(t.theme, lectureThemes)),
    check('lectures_duration_check', sql`${t.durationMinutes} between 10 and 600`),
  ],
);

/** A year's published list of showcase lectures (百节精品党课). */
export const lectureShowcases = pgTable(
  'lecture_showcases',
  {
    lectureId: integer()
      .notNull()
      .references(() => lectures.id, { onDelete: 'cascade' }),
    year: smallint().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('lecture_showcases_key').on(t.year, t.lectureId),
    index('lecture_showcases_lecture_idx').on(t.lectureId, t.year),
    check('lecture_showcases_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);

/** A season of 四季送课: units book lectures on offer while its booking window is open. */
export const lectureSeasons = pgTable(
  'lecture_seasons',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    year: smallint().notNull(),
    bookingOpensOn: date({ mode: 'string' }).notNull(),
    bookingClosesOn: date({ mode: 'string' }).notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('lecture_seasons_window_idx').on(t.bookingOpensOn, t.id),
    check('lecture_seasons_window_check', sql`${t.bookingClosesOn} >= ${t.bookingOpensOn}`),
    check('lecture_seasons_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);

/** The lectures a season offers. */
export const seasonOffers = pgTable(
  'season_offers',
  {
    seasonId: integer()
      .notNull()
      .references(() => lectureSeasons.id, { onDelete: 'cascade' }),
    lectureId: integer()
      .notNull()
      .references(() => lectures.id, { onDelete: 'restrict' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('season_offers_key').on(t.seasonId, t.lectureId), index('season_offers_lecture_idx').on(t.lectureId)],
);

export const bookingStatuses = ['requested', 'scheduled', 'declined', 'cancelled', 'delivered'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/**
 * A branch's booking of a lecture (四季送课): requested → scheduled (or declined) → delivered
 * (or cancelled before the date) → rated once. Delivery creates the branch's 党课 record.
 * Rows from before seasons existed have no season, preferred dates, place or audience.
 */
export const lectureBookings = pgTable(
  'lecture_bookings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    lectureId: integer()
      .notNull()
      .references(() => lectures.id, { onDelete: 'restrict' }),
    seasonId: integer().references(() => lectureSeasons.id, { onDelete: 'restrict' }),
    requestedOn: date({ mode: 'string' }).notNull(),
    preferredDates: date({ mode: 'string' }).array(),
    place: text(),
    expectedAudience: integer(),
    status: text({ enum: bookingStatuses }).notNull().default('requested'),
    scheduledStartsAt: timestamp({ withTimezone: true }),
    scheduledEndsAt: timestamp({ withTimezone: true }),
    // The lecturer confirmed when scheduling (usually the lecture's own).
    lecturerId: integer().references(() => lecturers.id, { onDelete: 'restrict' }),
    declineReason: text(),
    cancelReason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    deliveredOn: date({ mode: 'string' }),
    attendance: integer(),
    // The branch's 党课 record created on delivery.
    recordId: integer().references(() => activityRecords.id, { onDelete: 'restrict' }),
    rating: smallint(),
    // The rating's comment.
    feedback: text(),
    ratedAt: timestamp({ withTimezone: true }),
    ratedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('lecture_bookings_branch_idx').on(t.branchId, t.requestedOn),
    index('lecture_bookings_lecture_idx').on(t.lectureId, t.status),
    index('lecture_bookings_season_idx').on(t.seasonId, t.branchId),
    // Overlap checks look up a lecturer's scheduled slots.
    index('lecture_bookings_lecturer_slot_idx').on(t.lecturerId, t.scheduledStartsAt),
    uniqueIndex('lecture_bookings_record_key').on(t.recordId),
    // One open booking of a lecture per branch and season: two requests sent at once cannot both stand.
    uniqueIndex('lecture_bookings_open_key')
      .on(t.branchId, t.lectureId, t.seasonId)
      .where(sql`${t.status} in ('requested', 'scheduled')`),
    check('lecture_bookings_status_check', oneOf(t.status, bookingStatuses)),
    check('lecture_bookings_rating_check', sql`${t.rating} is null or (${t.rating} between 1 and 5 and ${t.status} = 'delivered')`),
    check('lecture_bookings_attendance_check', sql`${t.attendance} is null or ${t.attendance} >= 0`),
    check('lecture_bookings_audience_check', sql`${t.expectedAudience} is null or ${t.expectedAudience} between 1 and 2000`),
    check('lecture_bookings_delivered_check', sql`${t.status} <> 'delivered' or ${t.deliveredOn} is not null`),
    check(
      'lecture_bookings_slot_check',
      sql`(${t.scheduledStartsAt} is null) = (${t.scheduledEndsAt} is null) and (${t.scheduledEndsAt} is null or ${t.scheduledEndsAt} > ${t.scheduledStartsAt})`,
    ),
    check('lecture_bookings_scheduled_check', sql`${t.status} <> 'scheduled' or ${t.scheduledStartsAt} is not null`),
    check('lecture_bookings_declined_check', sql`${t.status} <> 'declined' or ${t.declineReason} is not null`),
  ],
);

export const hallSeries = ['monthly', 'monday'] as const;
export type HallSeries = (typeof hallSeries)[number];

/** A session of the 大讲堂 (monthly) or of the 周一大讲堂 series. */
export const hallSessions = pgTable(
  'hall_sessions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    series: text({ enum: hallSeries }).notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    theme: text().notNull(),
    speaker: text().notNull(),
    place: text().notNull(),
    capacity: integer(),
    // Class hours credited as study to each person whose attendance is confirmed.
    classHours: numeric({ precision: 4, scale: 1, mode: 'number' }),
    // The news article about the session, once there is one.
    articleId: integer().references(() => articles.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('hall_sessions_starts_idx').on(t.startsAt, t.id),
    check('hall_sessions_series_check', oneOf(t.series, hallSeries)),
    check('hall_sessions_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('hall_sessions_hours_check', sql`${t.classHours} is null or (${t.classHours} > 0 and ${t.classHours} <= 24)`),
  ],
);

/** A person registered by their unit for a 大讲堂 session; attendance confirmed afterwards. */
export const hallRegistrations = pgTable(
  'hall_registrations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer()
      .notNull()
      .references(() => hallSessions.id, { onDelete: 'cascade' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    attended: boolean(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [uniqueIndex('hall_registrations_key').on(t.sessionId, t.personId), index('hall_registrations_person_idx').on(t.personId)],
);
