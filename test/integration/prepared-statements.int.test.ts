import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '@/db/open';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../db';

// db/prepared.ts on a real server: drizzle's parameterized statements are prepared once per
// connection and reused, up to the configured number of distinct texts; 0 prepares none; and a
// statement prepared before a migration changed its table still answers (the rolling-upgrade
// case: old instances keep running while the new one migrates). PGlite has no such statements.

const inOneConnection = async (handle: DatabaseHandle, work: (run: (query: ReturnType<typeof sql>) => Promise<unknown[]>) => Promise<void>) => {
  let prepared: string[] = [];
  await handle.db.transaction(async (tx) => {
    const run = async (query: ReturnType<typeof sql>) => [...((await tx.execute(query)) as unknown as unknown[])];
    await work(run);
    // postgres.js prepares its own lookup of array types when it connects: not ours.
    const rows = (await tx.execute(
      sql`select statement from pg_prepared_statements where statement not like '%pg_catalog.pg_type%' order by prepare_time`,
    )) as unknown as { statement: string }[];
    prepared = rows.map((row) => row.statement);
  });
  return prepared;
};

describe.skipIf(!testServerUrl)('prepared statements on PostgreSQL', () => {
  let testDb: TestDatabase;
  const handles: DatabaseHandle[] = [];
  const open = async (preparedStatements: number) => {
    const url = Object.assign(new URL(testServerUrl!), { pathname: `/${testDb.name}` }).toString();
    const handle = await openDatabase({ kind: 'postgres', url, poolMax: 2, preparedStatements });
    handles.push(handle);
    return handle;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    await testDb?.close();
  });

  it('prepares the first distinct parameterized texts, reuses them, and sends the rest unnamed', async () => {
    const handle = await open(2);
    const answers: unknown[][] = [];
    const prepared = await inOneConnection(handle, async (run) => {
      for (let i = 0; i < 3; i++) answers.push(await run(sql`select ${i}::int + 1 as first`));
      answers.push(await run(sql`select ${'二'}::text as second`));
      answers.push(await run(sql`select ${3}::int * 2 as third`));
      answers.push(await run(sql`select 4 as no_parameters`));
    });
    expect(answers).toEqual([[{ first: 1 }], [{ first: 2 }], [{ first: 3 }], [{ second: '二' }], [{ third: 6 }], [{ no_parameters: 4 }]]);
    expect(prepared).toHaveLength(2);
    expect(prepared[0]).toContain('as first');
    expect(prepared[1]).toContain('as second');
  });

  it('plans each run for its values, as an unnamed statement is planned', async () => {
    const handle = await open(10);
    const [setting] = (await handle.db.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown as { mode: string }[];
    expect(setting!.mode).toBe('force_custom_plan');
    const [off] = (await (await open(0)).db.execute(sql`select current_setting('plan_cache_mode') as mode`)) as unknown as { mode: string }[];
    expect(off!.mode).toBe('auto');
  });

  it('prepares nothing when set to 0', async () => {
    const handle = await open(0);
    const prepared = await inOneConnection(handle, async (run) => {
      for (let i = 0; i < 3; i++) await run(sql`select ${i}::int as n`);
    });
    expect(prepared).toEqual([]);
  });

  it('keeps answering after a migration changes a table a prepared statement reads', async () => {
    const handle = await open(100);
    await handle.db.execute(sql`create table upgrade_probe (id int primary key, title text not null)`);
    await handle.db.execute(sql`insert into upgrade_probe values (1, '旧')`);
    const read = () => handle.db.execute(sql`select * from upgrade_probe where id = ${1}`) as unknown as Promise<Record<string, unknown>[]>;
    // Both connections of the pool hold the statement.
    await Promise.all([read(), read(), read(), read()]);
    await testDb.db.execute(sql`alter table upgrade_probe add column summary text not null default '新'`);
    for (let i = 0; i < 4; i++) expect([...(await read())]).toEqual([{ id: 1, title: '旧', summary: '新' }]);
  });
});
