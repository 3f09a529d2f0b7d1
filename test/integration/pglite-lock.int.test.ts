import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryLockedError, lockHolder } from '@/db/lock';
import { openDatabase } from '@/db/open';

// Two processes on one PGlite directory corrupt it silently: the second must be refused.
let root: string;
let child: ChildProcess | undefined;

function startHolder(dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-database.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(proc);
    });
    proc.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-lock-'));
});

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

describe('embedded database directory lock', () => {
  it('refuses a second process while the first holds the directory', async () => {
    const dir = path.join(root, 'db');
    child = await startHolder(dir);
    expect(lockHolder(dir)).toBe(child.pid);
    await expect(openDatabase({ kind: 'pglite', dir })).rejects.toBeInstanceOf(DirectoryLockedError);
    await expect(openDatabase({ kind: 'pglite', dir })).rejects.toThrow(/in use by process \d+/);
  });

  it('takes over a lock left behind by a process that died', async () => {
    const dir = path.join(root, 'db');
    const pid = child!.pid;
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(pid));
    expect(lockHolder(dir)).toBeNull();
    const handle = await openDatabase({ kind: 'pglite', dir });
    expect(lockHolder(dir)).toBe(process.pid);
    await handle.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
