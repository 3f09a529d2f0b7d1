import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { type Database, openDatabase } from '@/db/open';
import { appendRows, deleteRow, editAfter } from './audit-fixtures';

// `npm run audit:verify` as an operator or a cron job runs it, on an embedded database directory.
// It always runs on PGlite, also when the rest of the suite runs on PostgreSQL.

let root: string;
let base: string;

/** A copy of the prepared chain of five rows (copying skips the slow initdb), then tampered. */
async function prepare(name: string, tamper: (db: Database) => Promise<unknown>): Promise<string> {
  const dir = path.join(root, name);
  fs.cpSync(base, dir, { recursive: true });
  const handle = await openDatabase({ kind: 'pglite', dir });
  try {
    await tamper(handle.db);
  } finally {
    await handle.close();
  }
  return dir;
}

function runVerify(dir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tasks/cli/audit-verify.ts'], {
    env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-audit-cli-'));
  base = path.join(root, 'base');
  const handle = await openDatabase({ kind: 'pglite', dir: base });
  try {
    await migrateDatabase(handle);
    await appendRows(handle.db, 5);
  } finally {
    await handle.close();
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('npm run audit:verify', { timeout: 120_000 }, () => {
  it('exits 0 and counts the rows of an intact chain', async () => {
    const { status, output } = runVerify(base);
    expect(output).toContain('Audit chain intact: 5 rows.');
    expect(status).toBe(0);
  });

  it('exits 1 and names the edited row', async () => {
    const { status, output } = runVerify(await prepare('edited', (db) => editAfter(db, 2, { n: 200 })));
    expect(output).toContain('Audit chain broken at row 2 (hash-mismatch) after 2 rows.');
    expect(status).toBe(1);
  });

  it('exits 1 and names the row after a deleted one', async () => {
    const { status, output } = runVerify(await prepare('deleted', (db) => deleteRow(db, 3)));
    expect(output).toContain('Audit chain broken at row 4 (link-mismatch) after 3 rows.');
    expect(status).toBe(1);
  });
});
