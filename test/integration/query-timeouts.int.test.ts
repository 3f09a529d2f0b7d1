import { sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import AdminError from '@/app/(admin)/admin/error';
import GlobalError from '@/app/global-error';
import AuditLogPage from '@/app/(admin)/admin/audit/page';
import { setDatabaseHandle } from '@/db/client';
import { clientDeadlineMs, DatabaseTimeoutError, isDatabaseTimeout } from '@/db/deadline';
import { type DatabaseHandle, openDatabase } from '@/db/open';
import type { SessionUser } from '@/lib/auth/sessions';
import { checkHealth } from '@/lib/health';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../db';
import { type FreezableProxy, freezableProxy } from './proxy-fixtures';

// Timeouts on a real PostgreSQL server: the server cancels long statements, and when it stops
// answering altogether (frozen: SIGSTOP, a hung host) the client gives up within its deadline,
// the health check answers within 2 s, admin pages fail to their error page instead of hanging,
// and the same pool works again once the server answers. PGlite runs in this process and cannot
// freeze this way, so the file runs only with TEST_DATABASE_URL.

const auditor: SessionUser = { id: 1, username: 'auditor', displayName: 'auditor', role: 'auditor', branchId: null, branchScope: null, sessionId: 's', mustChangePassword: false };
vi.mock('@/lib/auth/current-user', () => ({ requirePermission: async () => auditor, getCurrentUser: async () => auditor }));

const STATEMENT_TIMEOUT_MS = 1000;
const DEADLINE_MS = clientDeadlineMs(STATEMENT_TIMEOUT_MS);
// Timers on this shared two-core machine fire late; the bound is the deadline plus this slack.
const SLACK_MS = 1000;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result?: T; error?: unknown }> {
  const start = performance.now();
  try {
    const result = await run();
    return { ms: performance.now() - start, result };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

describe.skipIf(!testServerUrl)('query timeouts on PostgreSQL', () => {
  let testDb: TestDatabase;
  let proxy: FreezableProxy;
  let proxied: DatabaseHandle;
  const through = (port: number) => {
    const url = new URL(testServerUrl!);
    url.host = `127.0.0.1:${port}`;
    url.pathname = `/${testDb.name}`;
    return url.toString();
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const server = new URL(testServerUrl!);
    proxy = await freezableProxy({ host: server.hostname, port: Number(server.port || 5432) });
    proxied = await openDatabase({ kind: 'postgres', url: through(proxy.port), poolMax: 3, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    setDatabaseHandle(proxied);
  });
  afterAll(async () => {
    proxy?.thaw();
    await proxied?.close();
    await proxy?.close();
    await testDb?.close();
  });

  it('the server cancels a statement that runs past the statement timeout', async () => {
    await proxied.db.execute(sql`select 1`); // connected first: only the statement is timed
    const { ms, error } = await timed(() => proxied.db.execute(sql`select pg_sleep(5)`));
    expect(isDatabaseTimeout(error)).toBe(true);
    expect((error as Error).cause).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
    expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS + SLACK_MS);
    // The connection is fine afterwards, and the setting is the one configured.
    expect(await proxied.db.execute(sql`show statement_timeout`)).toEqual([{ statement_timeout: '1s' }]);
  });

  it('a frozen server: queries and transactions fail within the deadline, then the same pool recovers', async () => {
    expect(await proxied.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    proxy.freeze();
    try {
      const [query, transaction, more] = await Promise.all([
        timed(() => proxied.db.execute(sql`select 1 as one`)),
        timed(() => proxied.db.transaction((tx) => tx.execute(sql`select 1 as one`))),
        timed(() => proxied.db.execute(sql`select 2 as two`)),
      ]);
      for (const outcome of [query, transaction, more]) {
        expect(isDatabaseTimeout(outcome.error), String(outcome.error)).toBe(true);
        expect(outcome.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
      }
      expect((query.error as Error).cause).toBeInstanceOf(DatabaseTimeoutError);
      // New connections are not answered either.
      const again = await timed(() => proxied.db.execute(sql`select 3 as three`));
      expect(isDatabaseTimeout(again.error)).toBe(true);
      expect(again.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    } finally {
      proxy.thaw();
    }
    // No reopening: the stuck connections were dropped and the pool connects again.
    expect(await proxied.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    expect(await proxied.db.transaction((tx) => tx.execute(sql`select 2 as two`))).toEqual([{ two: 2 }]);
  });

  it('the health check answers within 2 s while frozen, even on a pool with the default deadline', async () => {
    const patient = await openDatabase({ kind: 'postgres', url: through(proxy.port), poolMax: 2, statementTimeoutMs: 10_000 });
    try {
      await patient.db.execute(sql`select 1`);
      expect(await checkHealth({ db: patient.db })).toEqual({ status: 'ok', db: 'ok' });
      proxy.freeze();
      const { ms, result } = await timed(() => checkHealth({ db: patient.db }));
      expect(result).toEqual({ status: 'error', db: 'error', reason: 'database not answering' });
      expect(ms).toBeLessThan(2000);
      proxy.thaw();
      // Once the server answers, the held statements complete and the pool is healthy again.
      await expect.poll(() => checkHealth({ db: patient.db }), { timeout: 5000 }).toEqual({ status: 'ok', db: 'ok' });
    } finally {
      proxy.thaw();
      await patient.close();
    }
  });

  it('an admin page fails to its Chinese error page instead of hanging', async () => {
    proxy.freeze();
    try {
      const { ms, error } = await timed(() => AuditLogPage({ searchParams: Promise.resolve({}) }));
      expect(isDatabaseTimeout(error)).toBe(true);
      expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
      // The page's other queries, started with the first, reach their deadlines too.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      proxy.thaw();
    }
    const page = renderToStaticMarkup(createElement(AdminError, { error: new Error('timeout'), reset: () => {} }));
    expect(page).toContain('操作未能完成');
    expect(page).toContain('服务器处理请求时出现问题，您的数据没有丢失，请稍后重试。');
    expect(page).toContain('重试');
    // A failure in the admin layout's own session check reaches the last-resort page, Chinese too.
    expect(renderToStaticMarkup(createElement(GlobalError, { error: new Error('timeout'), reset: () => {} }))).toContain('系统暂时无法访问');
    expect(renderToStaticMarkup(await AuditLogPage({ searchParams: Promise.resolve({}) }))).toContain('全部记录共 0 条');
  });

  it('waiting for another migrator is not cut short by the statement timeout', async () => {
    const url = new URL(testServerUrl!);
    url.pathname = `/${testDb.name}`;
    const [first, second] = await Promise.all([1, 2].map(() => openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 2, statementTimeoutMs: STATEMENT_TIMEOUT_MS })));
    try {
      const order: string[] = [];
      let entered!: () => void;
      const holding = new Promise<void>((resolve) => (entered = resolve));
      const one = first!.withExclusiveLock(async () => {
        entered();
        order.push('first');
        await new Promise((resolve) => setTimeout(resolve, 2 * STATEMENT_TIMEOUT_MS));
      });
      await holding;
      const two = second!.withExclusiveLock(async () => order.push('second'));
      await Promise.all([one, two]);
      expect(order).toEqual(['first', 'second']);
      // The connection that waited went back to the pool with the configured timeouts.
      const settings = () => second!.db.execute(sql`select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l`);
      expect(await Promise.all([settings(), settings()])).toEqual(Array(2).fill([{ s: '1s', l: '1s' }]));
    } finally {
      await Promise.all([first!.close(), second!.close()]);
    }
  });

  it('recovers after the server closed every connection (a restart)', async () => {
    expect(await proxied.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    proxy.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await proxied.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});
