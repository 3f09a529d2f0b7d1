import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { preparingStatements } from './prepared';

type Call = { query: string; args: unknown[]; options: Record<string, unknown> | undefined };

/** A stand-in for postgres.js that records what each unsafe() call asked for. */
function fakeSql(calls: Call[]): Sql {
  const sql = {
    unsafe: (query: string, args: unknown[], options?: Record<string, unknown>) => {
      calls.push({ query, args, options });
      return Promise.resolve([]);
    },
    // postgres.js takes an optional name or options before the body.
    begin: (...args: unknown[]) => (args.at(-1) as (tx: Sql) => unknown)(fakeSql(calls)),
    savepoint: (...args: unknown[]) => (args.at(-1) as (tx: Sql) => unknown)(fakeSql(calls)),
  };
  return sql as unknown as Sql;
}

describe('preparingStatements', () => {
  it('asks postgres.js to prepare parameterized statements, drizzle’s prepare: false notwithstanding', async () => {
    const calls: Call[] = [];
    const sql = preparingStatements(fakeSql(calls), 10);
    await sql.unsafe('select $1', [1], { prepare: false });
    expect(calls).toEqual([{ query: 'select $1', args: [1], options: { prepare: true } }]);
  });

  it('leaves statements without parameters alone (postgres.js sends them as simple queries)', async () => {
    const calls: Call[] = [];
    const sql = preparingStatements(fakeSql(calls), 10);
    await sql.unsafe('select 1; select 2');
    await sql.unsafe('select 3', { prepare: false } as never);
    expect(calls.map((c) => [c.args, c.options])).toEqual([
      [[], undefined],
      [[], { prepare: false }],
    ]);
  });

  it('prepares only the first `max` distinct texts, and keeps preparing those', async () => {
    const calls: Call[] = [];
    const sql = preparingStatements(fakeSql(calls), 2);
    for (const query of ['select $1 as a', 'select $1 as b', 'select $1 as c', 'select $1 as a', 'select $1 as b']) await sql.unsafe(query, [1], { prepare: false });
    expect(calls.map((c) => [c.query, c.options?.prepare])).toEqual([
      ['select $1 as a', true],
      ['select $1 as b', true],
      ['select $1 as c', false],
      ['select $1 as a', true],
      ['select $1 as b', true],
    ]);
  });

  it('prepares inside transactions and savepoints too', async () => {
    const calls: Call[] = [];
    const sql = preparingStatements(fakeSql(calls), 10);
    await sql.begin(async (tx) => {
      await tx.unsafe('update t set a = $1', [1], { prepare: false });
      await tx.savepoint(async (inner) => inner.unsafe('update t set b = $1', [2], { prepare: false }));
    });
    expect(calls.map((c) => c.options?.prepare)).toEqual([true, true]);
  });
});
