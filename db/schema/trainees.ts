import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './columns';
import { people } from './people';

export const trainingKinds = ['secretary_rotation', 'new_secretary', 'activist', 'development_target', 'member_study'] as const;

/** A training round (轮训 or a batch course), with the class hours it requires. */
export const trainingRounds = pgTable(
  'training_rounds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    kind: text({ enum: trainingKinds }).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    requiredHours: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull(),
    organizer: text().notNull(),
    place: text(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('training_rounds_starts_idx').on(t.startsOn),
    check('training_rounds_kind_check', oneOf(t.kind, trainingKinds)),
    check('training_rounds_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('training_rounds_hours_check', sql`${t.requiredHours} > 0`),
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
    attendedHours: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull().default(0),
    completed: boolean().notNull().default(false),
    completedOn: date({ mode: 'string' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('trainees_round_person_key').on(t.roundId, t.personId),
    index('trainees_branch_idx').on(t.branchId),
    check('trainees_hours_check', sql`${t.attendedHours} >= 0`),
    check('trainees_completed_check', sql`not ${t.completed} or ${t.completedOn} is not null`),
  ],
);

export const developmentStages = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'] as const;
export type DevelopmentStage = (typeof developmentStages)[number];

export const decidingBodies = ['branch_committee', 'general_meeting', 'higher_committee'] as const;

/**
 * Versioned rules of member development (the 2014 细则, its 2026 revision …): durations and
 * deadlines are data with an effective date, so a revision is a new row, not a code change.
 */
export const developmentRuleSets = pgTable(
  'development_rule_sets',
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
  (t) => [uniqueIndex('development_rule_sets_effective_key').on(t.effectiveFrom)],
);

/** One person's way through the stages, with the date each stage began. */
export const developmentRecords = pgTable(
  'development_records',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    stage: text({ enum: developmentStages }).notNull().default('applicant'),
    appliedOn: date({ mode: 'string' }).notNull(),
    talkedOn: date({ mode: 'string' }),
    activistOn: date({ mode: 'string' }),
    targetOn: date({ mode: 'string' }),
    politicalReviewOn: date({ mode: 'string' }),
    concentratedTrainingOn: date({ mode: 'string' }),
    probationaryOn: date({ mode: 'string' }),
    oathOn: date({ mode: 'string' }),
    probationExtendedUntil: date({ mode: 'string' }),
    fullMemberOn: date({ mode: 'string' }),
    introducers: text().array().notNull().default(sql`'{}'::text[]`),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('development_records_person_key').on(t.personId),
    index('development_records_branch_stage_idx').on(t.branchId, t.stage),
    check('development_records_stage_check', oneOf(t.stage, developmentStages)),
  ],
);

/** Each stage change with its date and deciding body: the evidence behind the stage dates. */
export const developmentTransitions = pgTable(
  'development_transitions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => developmentRecords.id, { onDelete: 'cascade' }),
    fromStage: text({ enum: developmentStages }),
    toStage: text({ enum: developmentStages }).notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    decidingBody: text({ enum: decidingBodies }).notNull(),
    note: text(),
    ruleSetId: integer().references(() => developmentRuleSets.id, { onDelete: 'restrict' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('development_transitions_record_idx').on(t.recordId, t.decidedOn),
    check('development_transitions_to_check', oneOf(t.toStage, developmentStages)),
    check('development_transitions_body_check', oneOf(t.decidingBody, decidingBodies)),
  ],
);
