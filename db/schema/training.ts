import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';
import { people } from './people';

// Training (培训): rounds with sessions, trainees enrolled per round and attendance per session.
// A trainee's hours are the sessions attended; an online course counts by completion only.

/** 轮训班, 专题培训, 集中培训 (development targets), 网络课程 (counted by completion only). */
export const trainingKinds = ['rotation', 'thematic', 'concentrated', 'online'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

/** Who a round is meant for; enrolment may still pick anyone in scope. */
export const trainingAudiences = ['secretaries', 'committee_members', 'activists', 'development_targets', 'all_members'] as const;
export type TrainingAudience = (typeof trainingAudiences)[number];

/** A training round (轮训 or a batch course), with the class hours a trainee needs to complete it. */
export const trainingRounds = pgTable(
  'training_rounds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    kind: text({ enum: trainingKinds }).notNull(),
    audience: text({ enum: trainingAudiences }).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    requiredHours: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull(),
    organizer: text().notNull(),
    place: text(),
    description: text(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('training_rounds_starts_idx').on(t.startsOn, t.id),
    // The rounds list filtered by kind, newest first.
    index('training_rounds_kind_starts_idx').on(t.kind, t.startsOn, t.id),
    check('training_rounds_kind_check', oneOf(t.kind, trainingKinds)),
    check('training_rounds_audience_check', oneOf(t.audience, trainingAudiences)),
    check('training_rounds_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('training_rounds_hours_check', sql`${t.requiredHours} > 0`),
  ],
);

/** One class of a round: its date (inside the round's dates), class hours, topic and teacher. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer()
      .notNull()
      .references(() => trainingRounds.id, { onDelete: 'restrict' }),
    heldOn: date({ mode: 'string' }).notNull(),
    hours: numeric({ precision: 4, scale: 1, mode: 'number' }).notNull(),
    topic: text().notNull(),
    teacher: text(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('training_sessions_round_idx').on(t.roundId, t.heldOn, t.id),
    index('training_sessions_held_idx').on(t.heldOn),
    // A session lasts at most one day.
    check('training_sessions_hours_check', sql`${t.hours} > 0 and ${t.hours} <= 24`),
  ],
);

export const trainees = pgTable(
  'trainees',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer()
      .notNull()
      .references(() => trainingRounds.id, { onDelete: 'restrict' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    // The branch at enrolment; the person may move later, the record stays with it.
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    enrolledOn: date({ mode: 'string' }).notNull(),
    // Sum of the hours of the sessions attended, kept by a trigger on training_attendance.
    attendedHours: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull().default(0),
    completed: boolean().notNull().default(false),
    completedOn: date({ mode: 'string' }),
    // 结业证书编号, issued on completion.
    certificateNo: text(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('trainees_round_person_key').on(t.roundId, t.personId),
    index('trainees_branch_idx').on(t.branchId),
    // A secretary's rounds: those holding trainees of their subtree.
    index('trainees_round_branch_idx').on(t.roundId, t.branchId),
    index('trainees_person_idx').on(t.personId, t.roundId),
    uniqueIndex('trainees_certificate_key').on(t.certificateNo),
    check('trainees_hours_check', sql`${t.attendedHours} >= 0`),
    check('trainees_completed_check', sql`not ${t.completed} or ${t.completedOn} is not null`),
  ],
);

/** A trainee present at a session. Only enrolled people can attend (the foreign key is the trainee). */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    traineeId: integer()
      .notNull()
      .references(() => trainees.id, { onDelete: 'cascade' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_attendance_key').on(t.sessionId, t.traineeId), index('training_attendance_trainee_idx').on(t.traineeId)],
);

/**
 * Versioned training minimums (class hours a year for every member, for secretaries and
 * committee members, the rotation requirement, the months a new secretary has to be trained):
 * the set in force on a year's last day, or on the date a secretary took office, applies.
 */
export const trainingRuleSets = pgTable(
  'training_rule_sets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    rules: jsonb().$type<Record<string, unknown>>().notNull(),
    source: text().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [uniqueIndex('training_rule_sets_effective_key').on(t.effectiveFrom)],
);
