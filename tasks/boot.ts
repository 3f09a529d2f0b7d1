import { initDatabase } from '@/db/client';
import type { DatabaseHandle } from '@/db/open';
import { isBuildPhase } from '@/lib/env';
import { rebuildLectureSearchVectors } from '@/lib/lectures/search-index';
import { rebuildArticleSearchVectors } from '@/lib/news/search-index';
import { seedDatabase, wantsDemoContent } from './seed';

/** After migrations: reference data (and the demo where wanted), then vectors still missing. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await seedDatabase(handle.db, { demo: wantsDemoContent(handle) });
  await rebuildArticleSearchVectors(handle.db, { onlyMissing: true });
  await rebuildLectureSearchVectors(handle.db, { onlyMissing: true });
}

/** The process's database handle, opened, migrated, seeded and reindexed on first use. */
export const openPreparedDatabase = () => initDatabase(prepareDatabase);

/**
 * Called once as the server boots (instrumentation.ts): open, migrate and seed now, so the
 * embedded directory is locked from the start and a second server on it exits at once.
 */
export async function bootDatabase() {
  if (isBuildPhase()) return;
  try {
    const handle = await openPreparedDatabase();
    console.log(`[portal] database ready (${handle.kind})`);
  } catch (error) {
    console.error(`[portal] cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
