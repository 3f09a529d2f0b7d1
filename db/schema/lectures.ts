import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';

/** Lecturers of the city-wide pool (千人师资库). */
export const lecturers = pgTable(
  'lecturers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    unitName: text().notNull(),
    title: text(),
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    bio: text().notNull().default(''),
    inPool: boolean().notNull().default(true),
    // Listed among the published hundred lecturers (百名党课讲师).
    featured: boolean().notNull().default(false),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [index('lecturers_name_idx').on(t.name)],
);

export const lectureFormats = ['classroom', 'immersive', 'staged', 'field_visit', 'online'] as const;

export const lectures = pgTable(
  'lectures',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    theme: text().notNull(),
    lecturerId: integer()
      .notNull()
      .references(() => lecturers.id, { onDelete: 'restrict' }),
    format: text({ enum: lectureFormats }).notNull(),
    durationMinutes: integer().notNull(),
    summary: text().notNull().default(''),
    // One of the published showcase lectures (精品党课).
    showcase: boolean().notNull().default(false),
    bookable: boolean().notNull().default(true),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('lectures_lecturer_idx').on(t.lecturerId),
    index('lectures_showcase_idx').on(t.showcase),
    check('lectures_format_check', oneOf(t.format, lectureFormats)),
    check('lectures_duration_check', sql`${t.durationMinutes} between 10 and 600`),
  ],
);

export const bookingStatuses = ['requested', 'scheduled', 'delivered', 'cancelled'] as const;

/** A branch's booking of a lecture (四季送课): request → schedule → delivery → rating. */
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
    requestedOn: date({ mode: 'string' }).notNull(),
    scheduledOn: date({ mode: 'string' }),
    status: text({ enum: bookingStatuses }).notNull().default('requested'),
    deliveredOn: date({ mode: 'string' }),
    attendance: integer(),
    rating: integer(),
    feedback: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('lecture_bookings_branch_idx').on(t.branchId, t.requestedOn),
    index('lecture_bookings_lecture_idx').on(t.lectureId),
    check('lecture_bookings_status_check', oneOf(t.status, bookingStatuses)),
    check('lecture_bookings_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('lecture_bookings_attendance_check', sql`${t.attendance} is null or ${t.attendance} >= 0`),
    check('lecture_bookings_delivered_check', sql`${t.status} <> 'delivered' or ${t.deliveredOn} is not null`),
  ],
);
