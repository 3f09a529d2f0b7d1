import { desc, is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/open';
import { auditLog } from '@/db/schema/audit';
import { auditSnapshot, chainHash, GENESIS_HASH } from './chain';
import type { AuditAction, AuditEntityTypeOf } from './vocabulary';

// Not 'server-only': the seed and CLI scripts write audit rows too.

export type AuditActor = { id: number | null; name: string | null; role: string | null; ip?: string | null };

type EntryOf<A extends AuditAction> = {
  action: A;
  entityType: AuditEntityTypeOf<A>;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** One change to record: an action of the vocabulary (./vocabulary.ts) with its record kind. */
export type AuditEntry = { [A in AuditAction]: EntryOf<A> }[AuditAction];

// Appends are serialized by this transaction-level lock, so concurrent writers cannot fork the
// chain; it is released when the surrounding transaction ends.
const AUDIT_CHAIN_LOCK = 7_416_003;

/** Appends one row to the trail. Call inside the transaction of the change it records. */
export async function appendAudit(tx: Database, actor: AuditActor, entry: AuditEntry): Promise<void> {
  // Outside a transaction the lock would end with its own statement and the chain could fork.
  if (!is(tx, PgTransaction)) throw new Error('appendAudit must run inside the transaction of the change it records');
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields = {
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: auditSnapshot(entry.before),
    after: auditSnapshot(entry.after),
    ip: actor.ip ?? null,
    at: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...fields, hash: chainHash(fields) });
}

export const systemActor: AuditActor = { id: null, name: 'system', role: 'system' };
