import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
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
    secretaryName: text(),
    deputySecretaryName: text(),
    contactPhone: text(),
    memberCount: integer().notNull().default(0),
    establishedOn: date({ mode: 'string' }),
    committeeTermEndsOn: date({ mode: 'string' }),
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
    check('branches_member_count_check', sql`${t.memberCount} >= 0`),
  ],
);
