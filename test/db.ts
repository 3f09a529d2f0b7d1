import { randomBytes } from 'node:crypto';
import type { Logger } from 'drizzle-orm';
import postgres from 'postgres';
import { setDatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { type DatabaseHandle, openDatabase } from '@/db/open';

/** Where integration tests run: PostgreSQL when TEST_DATABASE_URL is set, else in-memory PGlite. */
export const testServerUrl = process.env.TEST_DATABASE_URL || undefined;

export type TestDatabase = DatabaseHandle & { name: string; queries: string[]; statements: { query: string; params: unknown[] }[] };

/**
 * A fresh, migrated database for one test file, wired in as the application's database.
 * On PostgreSQL it is a new database dropped afterwards; on PGlite an in-memory instance.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const queries: string[] = [];
  // With their parameters, for tests that EXPLAIN what the application ran.
  const statements: { query: string; params: unknown[] }[] = [];
  const logger: Logger = {
    logQuery: (query, params) => {
      queries.push(query);
      statements.push({ query, params });
    },
  };
  let handle: DatabaseHandle;
  let name = 'pglite-memory';
  let dropDatabase = async () => {};
  if (testServerUrl) {
    name = `portal_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(testServerUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 4, logger });
    dropDatabase = async () => {
      const admin2 = postgres(testServerUrl, { max: 1, onnotice: () => {} });
      await admin2.unsafe(`drop database if exists "${name}" with (force)`);
      await admin2.end();
    };
  } else {
    handle = await openDatabase({ kind: 'pglite', logger });
  }
  await migrateDatabase(handle);
  queries.length = 0;
  statements.length = 0;
  setDatabaseHandle(handle);
  return {
    ...handle,
    name,
    queries,
    statements,
    async close() {
      setDatabaseHandle(undefined);
      await handle.close();
      await dropDatabase();
    },
  };
}
