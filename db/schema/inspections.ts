import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { articles } from './articles';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';

// An inspection of a unit or node (明察暗访): who was inspected, when, how and what was checked.
// Its findings are `findings` rows with source 'inspection', owned by the inspected node; the
// inspected branch sees them only once the inspection is released.

/** 明察 (announced), 暗访 (unannounced), 四不两直. */
export const inspectionMethods = ['announced', 'unannounced', 'four_nos'] as const;
export type InspectionMethod = (typeof inspectionMethods)[number];

export const inspectionStatuses = ['draft', 'released'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export const inspections = pgTable(
  'inspections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    inspectedOn: date({ mode: 'string' }).notNull(),
    method: text({ enum: inspectionMethods }).notNull(),
    scope: text().notNull(),
    status: text({ enum: inspectionStatuses }).notNull().default('draft'),
    releasedAt: timestamp({ withTimezone: true }),
    releasedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    // The 通报 draft an admin started from the closed inspection (an article in the editorial workflow).
    noticeArticleId: integer().references(() => articles.id, { onDelete: 'set null' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    // The list: newest inspection day first, for everyone and per inspected node.
    index('inspections_inspected_idx').on(t.inspectedOn, t.id),
    index('inspections_branch_idx').on(t.branchId, t.inspectedOn, t.id),
    check('inspections_method_check', oneOf(t.method, inspectionMethods)),
    check('inspections_status_check', oneOf(t.status, inspectionStatuses)),
    check('inspections_scope_check', sql`length(trim(${t.scope})) > 0`),
    check('inspections_released_check', sql`(${t.status} = 'released') = (${t.releasedAt} is not null)`),
  ],
);
