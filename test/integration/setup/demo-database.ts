import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db';
import { seedDemo } from '../auth-fixtures';

/**
 * This file's database: fresh, migrated and seeded with the demo data before its first test
 * (before the file's own beforeAll hooks, which run in the order they are declared), closed
 * after its last (after the file's own afterAll hooks, which run in reverse order). Call it at
 * the top level of the test file; the object is filled in once the database is open.
 */
export function withDemoDatabase(): TestDatabase {
  const database = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(database, await createTestDatabase());
    await seedDemo(database.db);
  });
  afterAll(() => database.close());
  return database;
}
