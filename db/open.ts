import path from 'node:path';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/config/env';
import { clientDeadlineMs, connectionWatch, withDeadlines } from './deadline';
import { acquireDirectoryLock } from './lock';
import { preparingStatements } from './prepared';
import * as schema from './schema';

/** Both drivers are typed as one PgDatabase, so no caller knows which one it talks to. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  close: () => Promise<void>;
  /** Runs `fn` while holding a database-wide lock (migrations, seeding). */
  withExclusiveLock: <T>(fn: () => Promise<T>) => Promise<T>;
};

export type OpenOptions =
  /**
   * `statementTimeoutMs` 0 disables every timeout; unset: DATABASE_STATEMENT_TIMEOUT_MS.
   * `preparedStatements`: distinct statements prepared and reused, 0 none; unset: DATABASE_PREPARED_STATEMENTS.
   */
  | { kind: 'postgres'; url: string; poolMax?: number; statementTimeoutMs?: number; preparedStatements?: number; logger?: Logger }
  /** `dir` undefined opens an in-memory database (tests). */
  | { kind: 'pglite'; dir?: string; logger?: Logger };

// Any fixed number works; it only has to be the same in every process of the portal.
const MIGRATION_LOCK_KEY = 7_416_001;

/**
 * Seconds before the pool tries to connect again after `retries` failed attempts: at most 1 s.
 * postgres.js's default grows as 3^retries / 100 up to 20 s and is shared by the whole pool, so
 * after a two-second server restart under load the next attempt was up to 20 s away and every
 * page that needed the database waited for it (test/integration/cluster-restart.int.test.ts). A
 * refused connection costs the server nothing, and connect_timeout bounds a silent one.
 */
export const reconnectBackoffSeconds = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: Extract<OpenOptions, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const statementTimeoutMs = options.statementTimeoutMs ?? env.DATABASE_STATEMENT_TIMEOUT_MS;
  const preparedStatements = options.preparedStatements ?? env.DATABASE_PREPARED_STATEMENTS;
  const watch = connectionWatch();
  const client = postgres(options.url, {
    max: options.poolMax ?? 10,
    backoff: reconnectBackoffSeconds,
    onnotice: () => {},
    // Session settings sent with the startup packet: the server cancels what runs too long.
    connection: {
      application_name: 'dangjian-portal',
      TimeZone: 'UTC',
      ...serverTimeouts(statementTimeoutMs),
      // Prepared statements are planned for their values every time, as unnamed ones are: a
      // generic plan, which PostgreSQL may switch to after five runs, made the city-size training
      // coverage page 3-4x slower (bench). What preparing saves is parsing and a round trip.
      ...(preparedStatements > 0 && { plan_cache_mode: 'force_custom_plan' }),
    },
    ...(statementTimeoutMs > 0 && { socket: watch.socket, connect_timeout: Math.max(statementTimeoutMs, 5000) / 1000 }),
  });
  const preparing = preparedStatements > 0 ? preparingStatements(client, preparedStatements) : client;
  // A frozen server answers nothing, not even a cancellation: the client keeps its own deadline.
  const timedClient = statementTimeoutMs > 0 ? withDeadlines(preparing, clientDeadlineMs(statementTimeoutMs), () => watch.dropSilent(statementTimeoutMs)) : preparing;
  const db = drizzle({ client: timedClient, schema, casing: 'snake_case', logger: options.logger }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    close: () => client.end({ timeout: 5 }),
    async withExclusiveLock(fn) {
      // A session-level advisory lock on one reserved connection: concurrent migrators
      // otherwise collide on pg_type's unique index. Waiting for another migrator may take
      // longer than a statement may, so the wait itself has no timeout.
      const reserved = await client.reserve();
      try {
        await reserved`select set_config('statement_timeout', '0', false), set_config('lock_timeout', '0', false)`;
        await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        return await fn();
      } finally {
        await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
        await reserved`reset statement_timeout`.catch(() => {});
        await reserved`reset lock_timeout`.catch(() => {});
        reserved.release();
      }
    },
  };
}

/** statement_timeout and lock_timeout, and an end to sessions left idle inside a transaction. */
function serverTimeouts(statementTimeoutMs: number): Record<string, string> {
  if (statementTimeoutMs <= 0) return {};
  return {
    statement_timeout: String(statementTimeoutMs),
    lock_timeout: String(statementTimeoutMs),
    idle_in_transaction_session_timeout: String(Math.max(60_000, 6 * statementTimeoutMs)),
  };
}

// No timeouts here: PGlite runs inside this process, one statement at a time. It cannot freeze
// the way a server can, and a runaway statement blocks the process whatever a timer says.
async function openPglite(options: Extract<OpenOptions, { kind: 'pglite' }>): Promise<DatabaseHandle> {
  const release = options.dir ? acquireDirectoryLock(options.dir) : () => {};
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = options.dir ? await PGlite.create(options.dir) : await PGlite.create();
    await client.exec(`set time zone 'UTC'`);
    const db = drizzle({ client, schema, casing: 'snake_case', logger: options.logger }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
      // One process owns the directory and PGlite runs one query at a time.
      withExclusiveLock: (fn) => fn(),
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The database the configuration names: DATABASE_URL, else the embedded directory. */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  return env.DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX, statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS })
    : openDatabase({ kind: 'pglite', dir: env.pgliteDir });
}
