import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { migrateDatabase } from '../db/migrate';
import { type DatabaseHandle, openDatabase } from '../db/open';
import { seedDatabase } from '../tasks/seed/index';
import { onCleanup } from './cleanup';

export type BenchDatabase =
  | { kind: 'postgres'; name: string; url: string; handle: DatabaseHandle }
  | { kind: 'pglite'; dir: string; handle: DatabaseHandle; reason: string };

async function serverReachable(adminUrl: string): Promise<string | undefined> {
  const admin = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin`select 1`;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await admin.end({ timeout: 2 }).catch(() => {});
  }
}

/**
 * A throwaway database, migrated and seeded with the demo: a new database on the PostgreSQL
 * server when one answers, else a temporary PGlite directory. Both are removed by cleanup().
 */
export async function createBenchDatabase(adminUrl: string, options: { keep?: boolean } = {}): Promise<BenchDatabase> {
  const unreachable = await serverReachable(adminUrl);
  let db: BenchDatabase;
  if (unreachable === undefined) {
    const name = `portal_bench_${Date.now()}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    if (options.keep) {
      console.log(`database ${name} is kept after the run (BENCH_KEEP_DATABASE=1): drop it when done`);
    } else {
      onCleanup(`drop database ${name}`, async () => {
        const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
        try {
          await dropper.unsafe(`drop database if exists "${name}" with (force)`);
        } finally {
          await dropper.end({ timeout: 2 });
        }
      });
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 4 });
    db = { kind: 'postgres', name, url: url.toString(), handle };
  } else {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
    // The lock file sits next to the directory (<dir>.lock), so remove the whole parent.
    onCleanup(`remove ${parent}`, () => fs.rmSync(parent, { recursive: true, force: true }));
    const dir = path.join(parent, 'pglite');
    const handle = await openDatabase({ kind: 'pglite', dir });
    db = { kind: 'pglite', dir, handle, reason: unreachable };
  }
  // Registered after the drop, so it runs before it: close our pool first.
  let closed = false;
  const close = db.handle.close;
  db.handle.close = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  onCleanup('close bench database handle', () => db.handle.close());
  await migrateDatabase(db.handle);
  await seedDatabase(db.handle.db, { demo: true });
  return db;
}

/** A database an earlier run kept (BENCH_KEEP_DATABASE=1), brought up to the current migrations; never dropped. */
export async function openKeptDatabase(adminUrl: string, name: string): Promise<Extract<BenchDatabase, { kind: 'postgres' }>> {
  if (!/^portal_bench_\d+$/.test(name)) throw new Error(`BENCH_ORG_DATABASE must name a database the bench kept (portal_bench_<digits>), got "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 4 });
  const close = handle.close;
  let closing: Promise<void> | undefined;
  handle.close = () => (closing ??= close());
  onCleanup('close bench database handle', () => handle.close());
  await migrateDatabase(handle);
  return { kind: 'postgres', name, url: url.toString(), handle };
}
