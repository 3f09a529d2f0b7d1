import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';
import { people } from './people';

// Member development (发展党员): the stage each person has reached, the evidence behind it and
// the rule sets that date its deadlines.

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
