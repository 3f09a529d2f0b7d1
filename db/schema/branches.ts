import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { oneOf, timestamps, versioned } from './helpers';

export const branchKinds = ['work_committee', 'unit_organization', 'general_branch', 'branch', 'party_group'] as const;
export type BranchKind = (typeof branchKinds)[number];

/**
 * The organization tree: work committee → unit organization → general branch (optional)
 * → branch → party group. Every record in the portal belongs to exactly one node.
 */
export const branches = pgTable(
  'branches',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Nodes with children cannot be deleted: the tree is history, not scratch data.
    parentId: integer().references((): AnyPgColumn => branches.id, { onDelete: 'restrict' }),
    kind: text({ enum: branchKinds }).notNull(),
    name: text().notNull(),
    // The government unit (机关部门) this organization sits in.
    unitName: text().notNull(),
    code: text().notNull(),
    // Who holds which committee position, and until when, is in `committee_positions`; how many
    // members a node has is counted from `people`, never typed in.
    contactPhone: text(),
    establishedOn: date({ mode: 'string' }),
    // A dissolved node stays in the tree with its records (they are history); it takes no new ones.
    dissolvedOn: date({ mode: 'string' }),
    showcase: text(),
    sortOrder: integer().notNull().default(0),
    createdBy: integer().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('branches_code_key').on(t.code),
    index('branches_parent_idx').on(t.parentId, t.sortOrder),
    check('branches_kind_check', oneOf(t.kind, branchKinds)),
    check('branches_dissolved_check', sql`${t.dissolvedOn} is null or ${t.establishedOn} is null or ${t.dissolvedOn} >= ${t.establishedOn}`),
  ],
);

/**
 * Versioned rules of branch life (the 2018 支部工作条例 frequencies, the work committee's local
 * thresholds): a revision is a new row with its own effective date; the set in force on a
 * record's `held_on` is the one that counts. `rules` is validated by lib/rules.
 */
export const branchRuleSets = pgTable(
  'branch_rule_sets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    rules: jsonb().$type<Record<string, unknown>>().notNull(),
    source: text().notNull(),
    createdBy: integer().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [uniqueIndex('branch_rule_sets_effective_key').on(t.effectiveFrom)],
);
