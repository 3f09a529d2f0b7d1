import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';

// Where a person stands on the way to and in membership (the stages of 发展党员 end in 正式党员).
export const memberStatuses = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'] as const;
export type MemberStatus = (typeof memberStatuses)[number];
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
    status: text({ enum: memberStatuses }).notNull().default('full_member'),
    // The day the current status began (application, admission as probationary, conversion …).
    statusSince: date({ mode: 'string' }),
    // 入党时间: the day the branch general meeting admitted the person as probationary member.
    joinedPartyOn: date({ mode: 'string' }),
    // The person's own account, when they have one (a secretary signs in as themselves).
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('people_branch_idx').on(t.branchId, t.name),
    index('people_name_idx').on(t.name, t.id),
    uniqueIndex('people_user_key').on(t.userId),
    check('people_status_check', oneOf(t.status, memberStatuses)),
    check('people_gender_check', oneOf(t.gender, genders)),
  ],
);

// 书记, 副书记, 组织委员, 宣传委员, 纪检委员, and the other committee members (委员).
export const committeePositionKinds = [
  'secretary',
  'deputy_secretary',
  'organization_member',
  'propaganda_member',
  'discipline_member',
  'committee_member',
] as const;
export type CommitteePositionKind = (typeof committeePositionKinds)[number];

/**
 * A committee position held by a person of the roster for a term (from/to). A term that ends is
 * kept: the table is the node's committee history. `endedOn` is set when someone leaves before
 * the term's end (transfer, resignation).
 */
export const committeePositions = pgTable(
  'committee_positions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    position: text({ enum: committeePositionKinds }).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    endedOn: date({ mode: 'string' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('committee_positions_branch_idx').on(t.branchId, t.endsOn),
    index('committee_positions_person_idx').on(t.personId),
    check('committee_positions_position_check', oneOf(t.position, committeePositionKinds)),
    check('committee_positions_term_check', sql`${t.endsOn} > ${t.startsOn}`),
    check('committee_positions_ended_check', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startsOn}`),
  ],
);

/**
 * 组织关系转接: a move of a person from one node to another. `people.branch_id` holds where the
 * person is now; these rows are how they got there, and are never edited.
 */
export const personTransfers = pgTable(
  'person_transfers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    fromBranchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    toBranchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    transferredOn: date({ mode: 'string' }).notNull(),
    reason: text().notNull().default(''),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_transfers_person_idx').on(t.personId, t.transferredOn),
    check('person_transfers_distinct_check', sql`${t.fromBranchId} <> ${t.toBranchId}`),
  ],
);
