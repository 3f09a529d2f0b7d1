import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export type Health = { status: 'ok'; db: 'ok' } | { status: 'error'; db: 'error'; reason: string };

/** One round trip to the database; the reason names the kind of failure, never its details. */
export async function checkHealth(): Promise<Health> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return { status: 'ok', db: 'ok' };
  } catch (error) {
    const name = error instanceof Error && error.name === 'DirectoryLockedError' ? 'database directory in use by another process' : 'database unreachable';
    return { status: 'error', db: 'error', reason: name };
  }
}
