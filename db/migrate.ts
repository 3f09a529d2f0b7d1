import type { DatabaseHandle } from './open';
import { migrationsFolder } from './open';

/** Applies the SQL in drizzle/ that this database has not seen yet. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.withExclusiveLock(async () => {
    if (handle.kind === 'postgres') {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(handle.db as never, { migrationsFolder });
    } else {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(handle.db as never, { migrationsFolder });
    }
  });
}
