import { asc, gt } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { auditLog } from '@/db/schema/audit';
import { chainHash, GENESIS_HASH } from './chain';

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash-mismatch' | 'link-mismatch' };

/**
 * Walks the trail in id order, recomputing every hash and checking each row links to the one
 * before it. Names the first row where the chain breaks: an edited row fails its own hash; a
 * deleted or reordered row breaks the link of the row after it.
 */
export async function verifyAuditChain(db: Database, batchSize = 1000): Promise<ChainReport> {
  let previous = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      rows++;
      if (row.prevHash !== previous) return { ok: false, rows, brokenAt: row.id, reason: 'link-mismatch' };
      const { id: _id, hash, ...fields } = row;
      if (chainHash(fields) !== hash) return { ok: false, rows, brokenAt: row.id, reason: 'hash-mismatch' };
      previous = hash;
      lastId = row.id;
    }
  }
}
