import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';

export const activityKinds = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'themed_party_day',
  'organizational_life_meeting',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityStatuses = ['draft', 'submitted', 'reviewed', 'flagged'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/**
 * A branch-life record (三会一课, 主题党日 …). Compliance counts by `heldOn`, the day the meeting
 * took place, never by `enteredAt`; the gap between them reveals back-filled records.
 */
export const activityRecords = pgTable(
  'activity_records',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    kind: text({ enum: activityKinds }).notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    place: text().notNull(),
    topic: text().notNull(),
    // 第一议题: the study item that opens the meeting.
    firstAgendaTopic: text(),
    hostName: text().notNull(),
    recorderName: text().notNull(),
    minutes: text().notNull().default(''),
    status: text({ enum: activityStatuses }).notNull().default('draft'),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    // A correction after review is a new record pointing at the one it supersedes.
    supersedesId: integer(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('activity_records_branch_held_idx').on(t.branchId, t.heldOn.desc()),
    index('activity_records_kind_held_idx').on(t.kind, t.heldOn),
    index('activity_records_status_idx').on(t.status),
    check('activity_records_kind_check', oneOf(t.kind, activityKinds)),
    check('activity_records_status_check', oneOf(t.status, activityStatuses)),
  ],
);

export const attendanceStatuses = ['present', 'absent'] as const;

export const activityAttendees = pgTable(
  'activity_attendees',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    activityId: integer()
      .notNull()
      .references(() => activityRecords.id, { onDelete: 'cascade' }),
    personName: text().notNull(),
    attendance: text({ enum: attendanceStatuses }).notNull(),
    absenceReason: text(),
  },
  (t) => [
    uniqueIndex('activity_attendees_person_key').on(t.activityId, t.personName),
    check('activity_attendees_attendance_check', oneOf(t.attendance, attendanceStatuses)),
    check(
      'activity_attendees_reason_check',
      sql`${t.attendance} = 'present' or coalesce(length(trim(${t.absenceReason})), 0) > 0`,
    ),
  ],
);

export const reviewEntityTypes = ['activity_record', 'lecture_booking', 'trainee', 'development_record'] as const;
export const reviewVerdicts = ['ok', 'flagged', 'resolved'] as const;

/** Auditors' verdicts on records: the only thing an auditor writes. */
export const reviewMarks = pgTable(
  'review_marks',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    entityType: text({ enum: reviewEntityTypes }).notNull(),
    entityId: integer().notNull(),
    verdict: text({ enum: reviewVerdicts }).notNull(),
    comment: text().notNull().default(''),
    reviewerId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('review_marks_entity_idx').on(t.entityType, t.entityId, t.createdAt.desc()),
    check('review_marks_entity_type_check', oneOf(t.entityType, reviewEntityTypes)),
    check('review_marks_verdict_check', oneOf(t.verdict, reviewVerdicts)),
    check('review_marks_comment_check', sql`${t.verdict} <> 'flagged' or length(trim(${t.comment})) > 0`),
  ],
);
