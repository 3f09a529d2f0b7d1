import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only trail. Each row carries the hash of the row before it and its own hash over a
 * canonical serialization, so an edit, deletion or reordering breaks the chain visibly.
 * No foreign keys: the trail must outlive the rows it speaks of.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer(),
    actorName: text(),
    actorRole: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    // Serves the trail's keyset order (at desc, id desc) and its date filters.
    index('audit_log_at_id_idx').on(t.at, t.id),
    // One per filter of the list, each in the list's order after the filtered column, so a page
    // filtered by a rare value reads its rows in order instead of walking the whole trail. Each
    // also lists the column's distinct values as a loose index scan (lib/audit/distinct-values).
    index('audit_log_entity_type_at_idx').on(t.entityType, t.at, t.id),
    index('audit_log_action_at_idx').on(t.action, t.at, t.id),
    index('audit_log_actor_name_at_idx').on(t.actorName, t.at, t.id),
  ],
);
