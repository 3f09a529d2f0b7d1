import 'server-only';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { and, asc, count, desc, eq, gte, ilike, like, lt, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema/audit';
import { pageCountOf, type Page } from '@/lib/news/pagination';
import { chainHash } from './chain';
import { type AuditFilters, beijingDayEnd, beijingDayStart } from './filters';
import { type ChainReport, verifyAuditChain } from './verify';

// Reads of the audit trail for the auditor and admin pages. Callers check 'audit.read' first.
// Offset pages keep page numbers and totals, which auditors cite; the id index keeps them cheap.

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

function whereOf(filters: AuditFilters): SQL | undefined {
  return and(
    filters.actor ? ilike(auditLog.actorName, `%${escapeLike(filters.actor)}%`) : undefined,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.action ? like(auditLog.action, `${escapeLike(filters.action)}%`) : undefined,
    filters.from ? gte(auditLog.at, beijingDayStart(filters.from)) : undefined,
    filters.to ? lt(auditLog.at, beijingDayEnd(filters.to)) : undefined,
  );
}

/** One page of the trail, newest first, without the snapshots. */
export async function listAuditEntries(
  actor: Actor,
  { page = 1, pageSize = 50, ...filters }: AuditFilters & { page?: number; pageSize?: number },
): Promise<Page<AuditListItem>> {
  authorize(actor, 'audit.read');
  const db = await getDb();
  const where = whereOf(filters);
  const [items, [totalRow]] = await Promise.all([
    db.select(listFields).from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const total = totalRow?.total ?? 0;
  return { items, total, page, pageCount: pageCountOf(total, pageSize), pageSize };
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

/** Distinct entity types and actions, for the filter dropdowns. */
export async function listAuditFacets(actor: Actor): Promise<{ entityTypes: string[]; actions: string[] }> {
  authorize(actor, 'audit.read');
  const db = await getDb();
  const [entityTypes, actions] = await Promise.all([
    db.selectDistinct({ value: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType)),
    db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
  ]);
  return { entityTypes: entityTypes.map((r) => r.value), actions: actions.map((r) => r.value) };
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
  let lastId: number | undefined;
  let remaining = limit;
  while (remaining > 0) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(and(whereOf(filters), lastId === undefined ? undefined : lt(auditLog.id, lastId)))
      .orderBy(desc(auditLog.id))
      .limit(Math.min(batchSize, remaining));
    if (batch.length === 0) return;
    yield batch;
    remaining -= batch.length;
    lastId = batch.at(-1)!.id;
    if (batch.length < batchSize) return;
  }
}
