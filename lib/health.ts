import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { isDatabaseTimeout } from '@/db/deadline';
import type { Database } from '@/db/open';

export type Health = { status: 'ok'; db: 'ok' } | { status: 'error'; db: 'error'; reason: string };

// A load balancer gives up after a few seconds: answer well before, whatever the database does.
export const HEALTH_TIMEOUT_MS = 1500;
const HEALTH_STATEMENT_TIMEOUT_MS = 1000;

class HealthTimeout extends Error {}

/**
 * One round trip to the database, within `timeoutMs` even when the server does not answer at
 * all; the reason names the kind of failure, never its details.
 */
export async function checkHealth({ db, timeoutMs = HEALTH_TIMEOUT_MS }: { db?: Database; timeoutMs?: number } = {}): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HealthTimeout()), timeoutMs)));
  const probe = (async () => {
    const database = db ?? (await getDb());
    await database.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${HEALTH_STATEMENT_TIMEOUT_MS}`));
      await tx.execute(sql`select 1`);
    });
  })();
  probe.catch(() => {}); // after the timer won, a late failure has no one to tell
  try {
    await Promise.race([probe, expired]);
    return { status: 'ok', db: 'ok' };
  } catch (error) {
    return { status: 'error', db: 'error', reason: reasonOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof HealthTimeout || isDatabaseTimeout(error)) return 'database not answering';
  if (error instanceof Error && error.name === 'DirectoryLockedError') return 'database directory in use by another process';
  return 'database unreachable';
}
