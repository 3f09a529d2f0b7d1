import { check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';

export const partyPositions = ['member', 'secretary', 'deputy_secretary', 'committee_member'] as const;
export const genders = ['male', 'female'] as const;

/**
 * People a branch keeps records about: members, and applicants on the way to membership.
 * Personal data: never shown publicly; reads of it are logged once the admin area lands.
 */
export const people = pgTable(
  'people',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    name: text().notNull(),
    gender: text({ enum: genders }),
    birthDate: date({ mode: 'string' }),
    phone: text(),
    jobTitle: text(),
    partyPosition: text({ enum: partyPositions }).notNull().default('member'),
    joinedPartyOn: date({ mode: 'string' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('people_branch_idx').on(t.branchId, t.name),
    check('people_position_check', oneOf(t.partyPosition, partyPositions)),
    check('people_gender_check', oneOf(t.gender, genders)),
  ],
);
