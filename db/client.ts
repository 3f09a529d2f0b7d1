import { isBuildPhase } from '@/lib/env';
import { rebuildArticleSearchVectors } from '@/lib/news/search-index';
import { migrateDatabase } from './migrate';
import { type Database, type DatabaseHandle, openConfiguredDatabase, wantsDemoContent } from './open';
import { seedDatabase } from './seed';

export type { Database } from './open';

// One handle per process, kept on globalThis so dev-mode module reloads reuse it.
const store = globalThis as typeof globalThis & { __portalDatabase?: Promise<DatabaseHandle> };

async function initialize(): Promise<DatabaseHandle> {
  const handle = await openConfiguredDatabase();
  try {
    await migrateDatabase(handle);
    await seedDatabase(handle.db, { demo: wantsDemoContent(handle) });
    await rebuildArticleSearchVectors(handle.db, { onlyMissing: true });
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/** The process's database handle, opened, migrated and seeded on first use. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (isBuildPhase()) throw new Error('The database is not opened during `next build`.');
  store.__portalDatabase ??= initialize().catch((error: unknown) => {
    store.__portalDatabase = undefined;
    throw error;
  });
  return store.__portalDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Integration tests point the application's queries at their own database. */
export function setDatabaseHandle(handle: DatabaseHandle | undefined) {
  store.__portalDatabase = handle ? Promise.resolve(handle) : undefined;
}
