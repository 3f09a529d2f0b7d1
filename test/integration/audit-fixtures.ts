import { asc, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import { auditLog } from '@/db/schema/audit';
import { type AuditActor, type AuditEntry, appendAudit } from '@/lib/audit/append';

export const adminActor: AuditActor = { id: 1, name: 'admin', role: 'admin', ip: '10.0.0.1' };

/**
 * Appends `count` rows, each in its own transaction, as a real command would. A test may mix
 * an action with another record kind than the vocabulary pairs it with: the chain does not care.
 */
export async function appendRows(db: Database, count: number, entry: (i: number) => Partial<AuditEntry> = () => ({})) {
  for (let i = 1; i <= count; i++) {
    const row = { action: 'user.update', entityType: 'user', entityId: i, before: { n: i - 1 }, after: { n: i }, ...entry(i) } as AuditEntry;
    await db.transaction((tx) => appendAudit(tx, adminActor, row));
  }
}

export const chainRows = (db: Database) => db.select().from(auditLog).orderBy(asc(auditLog.id));

/**
 * Runs a statement the append-only triggers refuse, as the table's owner can: triggers off,
 * statement, triggers on, in one transaction. This is how tampering would bypass the triggers.
 */
export const asTableOwner = (db: Database, statement: SQL) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });

/** Empties the trail and restarts its ids at 1, so the next rows start a fresh chain. */
export const resetChain = (db: Database) => asTableOwner(db, sql`truncate audit_log restart identity`);

// Tampering as someone with direct database access would do it, bypassing the application.

export const editAfter = (db: Database, id: number, after: unknown) =>
  asTableOwner(db, sql`update audit_log set after = ${JSON.stringify(after)}::jsonb where id = ${id}`);

export const deleteRow = (db: Database, id: number) => asTableOwner(db, sql`delete from audit_log where id = ${id}`);

/** Exchanges everything but the ids of two rows: the rows' order in the chain is swapped. */
export const swapRows = (db: Database, a: number, b: number) =>
  asTableOwner(db, sql`
    update audit_log t set
      actor_id = s.actor_id, actor_name = s.actor_name, actor_role = s.actor_role, action = s.action,
      entity_type = s.entity_type, entity_id = s.entity_id, before = s.before, after = s.after,
      ip = s.ip, at = s.at, prev_hash = s.prev_hash, hash = s.hash
    from audit_log s
    where (t.id = ${a} and s.id = ${b}) or (t.id = ${b} and s.id = ${a})`);

export async function jsonbTypes(db: Database): Promise<string[]> {
  const rows = await selectRows<{ kind: string }>(db, sql`select distinct jsonb_typeof(after) as kind from audit_log where after is not null`);
  return rows.map((r) => r.kind);
}
