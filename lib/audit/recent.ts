import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { auditLog } from '@/db/schema/audit';
import type { AuditAction, AuditEntityType } from './vocabulary';

/**
 * Whether `actorId` already has an `action` row on this entity within the last `withinMs`.
 * Writers that repeat often (autosave) record one row per stretch, so the trail stays readable.
 * Runs in the caller's transaction.
 */
export async function hasRecentAuditEntry(
  tx: Database,
  { action, entityType, entityId, actorId, withinMs }: { action: AuditAction; entityType: AuditEntityType; entityId: string | number; actorId: number; withinMs: number },
): Promise<boolean> {
  const [recent] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, entityType),
        eq(auditLog.entityId, String(entityId)),
        eq(auditLog.action, action),
        eq(auditLog.actorId, actorId),
        gt(auditLog.at, new Date(Date.now() - withinMs)),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return recent !== undefined;
}
