import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { attachmentKinds } from './articles';
import { oneOf, timestamps, versioned } from './helpers';
import { media } from './media';
import { lecturers } from './lectures';
import { people } from './people';

export const activityKinds = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'themed_party_day',
  'organizational_life_meeting',
  'democratic_review',
  'volunteer_service',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityStatuses = ['draft', 'submitted', 'reviewed', 'flagged'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/**
 * A branch-life record (三会一课, 主题党日 …). Compliance counts by `heldOn`, the day the meeting
 * took place, never by when it was entered; `submittedOn - heldOn` reveals back-filled records.
 *
 * A draft may be incomplete; submitting locks it. A submitted record changes only by a
 * correction: a new row in `activity_record_versions` (with its reason) and `revision` + 1, in
 * the same transaction. The triggers of migration 0007 refuse anything else, also in SQL.
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
    startTime: time(),
    endTime: time(),
    place: text(),
    topic: text(),
    // 第一议题: whether the meeting opened with study of the latest central speeches, and what.
    firstAgendaStudied: boolean().notNull().default(false),
    firstAgendaTopic: text(),
    hostPersonId: integer().references(() => people.id, { onDelete: 'restrict' }),
    recorderPersonId: integer().references(() => people.id, { onDelete: 'restrict' }),
    // The lecturer of a 党课, from the roster.
    speakerPersonId: integer().references(() => people.id, { onDelete: 'restrict' }),
    // The lecturer of a 党课 delivered through a booking (四季送课): set only by the delivery,
    // kept by every correction; such a 党课 needs no roster speaker.
    speakerLecturerId: integer().references((): AnyPgColumn => lecturers.id, { onDelete: 'restrict' }),
    // Sanitized rich text (the article body allow-list).
    minutes: text().notNull().default(''),
    status: text({ enum: activityStatuses }).notNull().default('draft'),
    // 0 while a draft; 1 once submitted; + 1 for each correction.
    revision: integer().notNull().default(0),
    submittedAt: timestamp({ withTimezone: true }),
    // The calendar day (Asia/Shanghai) of the first submission: lateness is counted from it.
    submittedOn: date({ mode: 'string' }),
    submittedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    // Ascending on purpose: scanned backward they serve `order by held_on desc, id desc` (an
    // index declared `desc` is `desc nulls last`, which that order — nulls first — cannot use).
    index('activity_records_held_idx').on(t.heldOn, t.id),
    index('activity_records_branch_held_idx').on(t.branchId, t.heldOn, t.id),
    index('activity_records_kind_held_idx').on(t.kind, t.heldOn, t.id),
    index('activity_records_status_idx').on(t.status, t.heldOn, t.id),
    // Compliance counts a year's non-draft records per node, kind and month (and the late ones) in
    // one index-only scan: every column that query reads is a key here.
    index('activity_records_counted_idx')
      .on(t.heldOn, t.branchId, t.kind, t.submittedOn)
      .where(sql`${t.status} <> 'draft'`),
    check('activity_records_kind_check', oneOf(t.kind, activityKinds)),
    check('activity_records_status_check', oneOf(t.status, activityStatuses)),
    check(
      'activity_records_complete_check',
      sql`${t.status} = 'draft' or (${t.place} is not null and ${t.topic} is not null and ${t.hostPersonId} is not null and ${t.recorderPersonId} is not null and ${t.submittedOn} is not null and ${t.revision} >= 1)`,
    ),
    check('activity_records_times_check', sql`${t.endTime} is null or ${t.startTime} is null or ${t.endTime} > ${t.startTime}`),
  ],
);

/**
 * Every submitted state of a record: revision 1 is the submission, each later one a correction
 * with its reason. `content` is the whole record as it stood (fields, attendance, photos,
 * attachments), so two revisions can be shown as a diff. Append-only.
 */
export const activityRecordVersions = pgTable(
  'activity_record_versions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => activityRecords.id, { onDelete: 'restrict' }),
    revision: integer().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    // Required for corrections (revision > 1).
    reason: text(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activity_record_versions_revision_key').on(t.recordId, t.revision),
    check('activity_record_versions_reason_check', sql`${t.revision} = 1 or coalesce(length(trim(${t.reason})), 0) > 0`),
  ],
);

export const attendanceStatuses = ['present', 'absent'] as const;
// 公差 (official duty), 病假, 事假, 其他 (with text).
export const absenceReasons = ['official_duty', 'sick_leave', 'personal_leave', 'other'] as const;

/** The attendance grid: one row per member of the node, present or absent with a reason. */
export const activityAttendees = pgTable(
  'activity_attendees',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => activityRecords.id, { onDelete: 'cascade' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    attendance: text({ enum: attendanceStatuses }).notNull(),
    absenceReason: text({ enum: absenceReasons }),
    absenceNote: text(),
  },
  (t) => [
    uniqueIndex('activity_attendees_person_key').on(t.recordId, t.personId),
    // The six-months-without-organizational-life warning reads a person's attendance by date.
    index('activity_attendees_person_idx').on(t.personId),
    // "Present at any meeting in the last six months?" per member reads the newest records first
    // and stops at the first one inside the window.
    index('activity_attendees_present_idx')
      .on(t.personId, t.recordId.desc())
      .where(sql`${t.attendance} = 'present'`),
    check('activity_attendees_attendance_check', oneOf(t.attendance, attendanceStatuses)),
    check('activity_attendees_reason_kind_check', oneOf(t.absenceReason, absenceReasons)),
    check(
      'activity_attendees_reason_check',
      sql`(${t.attendance} = 'present' and ${t.absenceReason} is null) or (${t.attendance} = 'absent' and ${t.absenceReason} is not null and (${t.absenceReason} <> 'other' or coalesce(length(trim(${t.absenceNote})), 0) > 0))`,
    ),
  ],
);

/**
 * Submitted (non-draft) records per month of held_on, node and kind: how many were held and how
 * many were entered late (by the late-entry threshold of the rule set in force on held_on). The
 * compliance pages read a year of the whole committee from here instead of grouping a year of
 * records per request. Derived data, kept by statement triggers on activity_records (and rebuilt
 * from the changed date on when a rule set changes): see migration 0010. Never written by the app.
 */
export const activityMonthCounts = pgTable(
  'activity_month_counts',
  {
    year: smallint().notNull(),
    /** 1–12. */
    month: smallint().notNull(),
    branchId: integer().notNull(),
    kind: text({ enum: activityKinds }).notNull(),
    held: integer().notNull(),
    late: integer().notNull(),
  },
  // Key order: a year's rows come out by node and kind, as compliance groups them (no sort).
  (t) => [primaryKey({ columns: [t.year, t.branchId, t.kind, t.month] })],
);

/**
 * One row: a token that changes with every change of activity_month_counts (triggers, migration
 * 0016), so a server may keep a year's counts in memory and re-read them only when it moved. A
 * random token, not a counter: a restored or recreated database never repeats an older value.
 */
export const activityMonthCountsVersion = pgTable(
  'activity_month_counts_version',
  {
    id: boolean().primaryKey().default(true),
    token: text().notNull(),
  },
  (t) => [check('activity_month_counts_version_one_row', sql`${t.id}`)],
);

/** Photos of a record, chosen from the media library. */
export const activityRecordPhotos = pgTable(
  'activity_record_photos',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => activityRecords.id, { onDelete: 'cascade' }),
    mediaId: integer()
      .notNull()
      .references(() => media.id, { onDelete: 'restrict' }),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('activity_record_photos_media_key').on(t.recordId, t.mediaId)],
);

/** Files attached to a record (sign-in sheets, minutes as filed), kind checked from the content. */
export const activityRecordAttachments = pgTable(
  'activity_record_attachments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => activityRecords.id, { onDelete: 'cascade' }),
    storageKey: text().notNull(),
    originalName: text().notNull(),
    kind: text({ enum: attachmentKinds }).notNull(),
    byteSize: integer().notNull(),
    sortOrder: integer().notNull().default(0),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activity_record_attachments_storage_key').on(t.storageKey),
    index('activity_record_attachments_record_idx').on(t.recordId, t.sortOrder),
    check('activity_record_attachments_kind_check', oneOf(t.kind, attachmentKinds)),
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
