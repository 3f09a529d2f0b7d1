import { isBuildPhase } from '@/lib/env';
import { getDatabaseHandle } from './client';

/**
 * Called once as the server boots (instrumentation.ts): open, migrate and seed now, so the
 * embedded directory is locked from the start and a second server on it exits at once.
 */
export async function bootDatabase() {
  if (isBuildPhase()) return;
  try {
    const handle = await getDatabaseHandle();
    console.log(`[portal] database ready (${handle.kind})`);
  } catch (error) {
    console.error(`[portal] cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
