import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';
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
