import { isBuildPhase } from '@/config/env';
import { migrateDatabase } from './migrate';
import { type Database, type DatabaseHandle, openConfiguredDatabase } from './open';

export type { Database } from './open';

/** Work on a freshly migrated handle before anyone else gets it (tasks/boot.ts: seed, reindex). */
export type PrepareDatabase = (handle: DatabaseHandle) => Promise<void>;

// One handle per process, kept on globalThis so dev-mode module reloads reuse it.
const store = globalThis as typeof globalThis & { __portalDatabase?: Promise<DatabaseHandle> };

async function initialize(prepare: PrepareDatabase | undefined): Promise<DatabaseHandle> {
  const handle = await openConfiguredDatabase();
  try {
    await migrateDatabase(handle);
    await prepare?.(handle);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/**
 * Opens the configured database once per process: connect, migrate, then `prepare`. db/ knows
 * nothing of the domain, so seeding and the search reindex are passed in from the layer above:
 * the server boot (tasks/boot.ts, awaited in instrumentation.ts before any request is served)
 * is the caller that passes them. When the handle is already open, it is returned as it is.
 */
export function initDatabase(prepare?: PrepareDatabase): Promise<DatabaseHandle> {
  if (isBuildPhase()) throw new Error('The database is not opened during `next build`.');
  store.__portalDatabase ??= initialize(prepare).catch((error: unknown) => {
    store.__portalDatabase = undefined;
    throw error;
  });
  return store.__portalDatabase;
}

/** The process's database handle: the one the boot opened, else opened and migrated now. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  return initDatabase();
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Integration tests point the application's queries at their own database. */
export function setDatabaseHandle(handle: DatabaseHandle | undefined) {
  store.__portalDatabase = handle ? Promise.resolve(handle) : undefined;
}
