import 'server-only';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { auditLog } from '@/db/schema/audit';
import { cursorFields, keyset, type KeysetPage, keysetPage, timestampKey } from '@/lib/pagination/keyset';
import { type CappedCount, cappedCountOf, countOf } from '@/lib/pagination/offset';
import { chainHash } from './chain';
import { type DistinctColumn, distinctAuditValues } from './distinct-values';
import { type AuditFilters, beijingDayEnd, beijingDayStart } from './filters';
import { type ChainReport, verifyAuditChain } from './verify';
import { auditActions, auditEntityTypes } from './vocabulary';

// Reads of the audit trail for the auditor and admin pages. Callers check 'audit.read' first.
// The trail only grows, so the list pages by keyset on (at, id), newest first: every page costs
// the same, and rows appended while an auditor reads never shift the page they are on. Rows are
// cited by their id, not by page number. The total is counted up to a cap.

const listFields = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  ip: auditLog.ip,
};

export type AuditListItem = Pick<typeof auditLog.$inferSelect, 'id' | 'at' | 'actorId' | 'actorName' | 'actorRole' | 'action' | 'entityType' | 'entityId' | 'ip'>;

/** A row with its snapshots, and whether its content still matches its own hash. */
export type AuditEntryDetail = typeof auditLog.$inferSelect & { contentIntact: boolean };

/** `%` and `_` in user input are literal characters, not wildcards. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The rows whose `column` holds one of the distinct values that `match` accepts. A pattern on
 * the column itself (`ilike '%li%'`, `like 'user.%'`) is no index condition here, so the page
 * would walk the whole trail for a rare actor; matched against the few distinct values first
 * (an index probe each), it becomes `= value` or `in (…)`, which the column's index serves in
 * the list's order.
 */
async function oneOf(db: Database, column: DistinctColumn, match: (value: SQL) => SQL): Promise<SQL> {
  const values = await distinctAuditValues(db, column, match);
  if (values.length === 0) return sql`false`;
  return values.length === 1 ? eq(auditLog[column], values[0]!) : inArray(auditLog[column], values);
}

async function whereOf(db: Database, filters: AuditFilters): Promise<SQL | undefined> {
  const { actor, action } = filters;
  const [byActor, byAction] = await Promise.all([
    actor ? oneOf(db, 'actorName', (value) => sql`${value} ilike ${`%${escapeLike(actor)}%`}`) : undefined,
    action ? oneOf(db, 'action', (value) => sql`${value} like ${`${escapeLike(action)}%`}`) : undefined,
  ]);
  return and(
    byActor,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    byAction,
    filters.from ? gte(auditLog.at, beijingDayStart(filters.from)) : undefined,
    filters.to ? lt(auditLog.at, beijingDayEnd(filters.to)) : undefined,
  );
}

/** The list's order: time, newest first, the id breaking ties within one instant. */
export const auditOrder = keyset({ sort: timestampKey(auditLog.at), id: auditLog.id, direction: 'desc' });

/** Matching rows are counted up to this many; beyond it the page says "1000 条以上". */
export const AUDIT_COUNT_CAP = 1000;

export type AuditList = KeysetPage<AuditListItem> & { count: CappedCount };

/** One page of the trail at `cursor` (see lib/pagination/keyset), newest first, without the snapshots. */
export async function listAuditEntries(
  actor: Actor,
  { cursor, pageSize = 50, countCap = AUDIT_COUNT_CAP, ...filters }: AuditFilters & { cursor?: string | string[]; pageSize?: number; countCap?: number },
): Promise<AuditList> {
  authorize(actor, 'audit.read');
  const db = await getDb();
  const where = await whereOf(db, filters);
  const matching = db.select({ one: sql`1` }).from(auditLog).where(where).limit(countCap + 1).as('matching');
  const [page, counted] = await Promise.all([
    keysetPage({
      keyset: auditOrder,
      cursor,
      pageSize,
      rows: (q) =>
        db
          .select({ ...listFields, ...cursorFields(auditOrder) })
          .from(auditLog)
          .where(and(where, q.where))
          .orderBy(...q.orderBy)
          .limit(q.limit),
    }),
    db.select({ n: count() }).from(matching).then(countOf),
  ]);
  return { ...page, count: cappedCountOf(counted, countCap) };
}

/** One row with its snapshots and hashes, or null. */
export async function getAuditEntry(actor: Actor, id: number): Promise<AuditEntryDetail | null> {
  authorize(actor, 'audit.read');
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id)).limit(1);
  if (!row) return null;
  const { id: _id, hash, ...fields } = row;
  return { ...row, contentIntact: chainHash(fields) === hash };
}

export type AuditFacets = { entityTypes: string[]; actions: string[] };

/**
 * The filter dropdowns' options: the vocabulary the portal writes (./vocabulary.ts), sorted,
 * then any value older rows hold that it does not list. The trail outlives the code: an action
 * renamed later, or rows written before the vocabulary existed, stay in it for good and an
 * auditor must still be able to pick them. Those are found by a loose index scan, one probe per
 * distinct value (a few milliseconds at any size), always current, with no cache to invalidate.
 */
export async function listAuditFacets(actor: Actor): Promise<AuditFacets> {
  authorize(actor, 'audit.read');
  const db = await getDb();
  const [entityTypes, actions] = await Promise.all([distinctAuditValues(db, 'entityType'), distinctAuditValues(db, 'action')]);
  const withOlder = (known: string[], stored: string[]) => [...known.sort(), ...stored.filter((v) => !known.includes(v))];
  return { entityTypes: withOlder(Object.keys(auditEntityTypes), entityTypes), actions: withOlder(Object.keys(auditActions), actions) };
}

/** Recomputes the whole chain now; see verifyAuditChain. */
export async function checkAuditChain(actor: Actor): Promise<ChainReport> {
  authorize(actor, 'audit.read');
  return verifyAuditChain(await getDb());
}

/** At most this many rows go into one CSV export, newest first. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/**
 * The filtered trail for export, newest first, in batches (keyset on id) so a large export never
 * sits in memory at once. Stops after `limit` rows.
 */
export async function* exportAuditEntries(actor: Actor, filters: AuditFilters, { limit = AUDIT_EXPORT_LIMIT, batchSize = 1000 } = {}) {
  authorize(actor, 'audit.read');
  const db = await getDb();
  const where = await whereOf(db, filters);
  let lastId: number | undefined;
  let remaining = limit;
  while (remaining > 0) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(and(where, lastId === undefined ? undefined : lt(auditLog.id, lastId)))
      .orderBy(desc(auditLog.id))
      .limit(Math.min(batchSize, remaining));
    if (batch.length === 0) return;
    yield batch;
    remaining -= batch.length;
    lastId = batch.at(-1)!.id;
    if (batch.length < batchSize) return;
  }
}
