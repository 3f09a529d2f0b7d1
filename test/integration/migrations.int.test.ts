import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { selectRows } from '@/db/rows';
import * as schema from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const tables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableConfig(table as PgTable));

async function columnsOf(table: string) {
  const rows = await selectRows<{ column_name: string }>(
    db.db,
    sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`,
  );
  return new Set(rows.map((r) => r.column_name));
}

describe('migrations', () => {
  it('create every table and column the schema declares', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(20);
    for (const table of tables) {
      const existing = await columnsOf(table.name);
      expect(existing.size, `table ${table.name}`).toBeGreaterThan(0);
      for (const column of table.columns) {
        // Keys are camelCase in TypeScript; the `casing` option names them snake_case in SQL.
        const name = column.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        expect(existing, `${table.name}.${name}`).toContain(name);
      }
    }
  });

  it('are idempotent: applying them again changes nothing', async () => {
    await expect(migrateDatabase(db)).resolves.toBeUndefined();
  });

  it('enforce the rules the schema states', async () => {
    await expect(
      db.db.insert(schema.users).values({ username: 'x', displayName: 'x', passwordHash: 'x', role: 'branch_secretary' }),
    ).rejects.toThrow();
    await expect(db.db.insert(schema.columns).values({ slug: 'Not A Slug', name: '错误' })).rejects.toThrow();
    await expect(
      db.db.insert(schema.users).values({ username: 'x', displayName: 'x', passwordHash: 'x', role: 'superuser' as never }),
    ).rejects.toThrow();
  });
});
