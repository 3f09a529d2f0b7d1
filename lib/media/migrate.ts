import fs from 'node:fs/promises';
import path from 'node:path';
import { isSafeKey, type MediaStorage } from './storage';

// Copies the local media directory into another store (the bucket, for `npm run media:migrate`).
// Keys are content hashes, so an object already there with the same size is the same file and is
// skipped: the copy can be stopped and rerun at any time. A stored object of another size is a
// failure to look at, never overwritten.

export type MigrationReport = {
  copied: number;
  skipped: number;
  failed: number;
  /** Unfinished uploads (`<key>.<random>.tmp`, left by a crash mid-write): never copied. */
  ignored: number;
  failures: { key: string; reason: string }[];
};

/** The local disk's write-aside files (see localDiskStorage.put). */
const TEMP_FILE = /\.[0-9a-f]{12}\.tmp$/;

/** Every file under root, as storage keys (forward slashes), sorted. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export async function copyLocalMedia(
  root: string,
  target: MediaStorage,
  options: { concurrency?: number; onFile?: (key: string, outcome: 'copied' | 'skipped' | 'failed') => void } = {},
): Promise<MigrationReport> {
  const report: MigrationReport = { copied: 0, skipped: 0, failed: 0, ignored: 0, failures: [] };
  const keys: string[] = [];
  for (const key of await filesUnder(root)) {
    if (TEMP_FILE.test(key)) report.ignored += 1;
    else keys.push(key);
  }

  const fail = (key: string, reason: string) => {
    report.failed += 1;
    report.failures.push({ key, reason });
    options.onFile?.(key, 'failed');
  };

  const copyOne = async (key: string) => {
    if (!isSafeKey(key)) return fail(key, 'not a storage key (the app never wrote it)');
    try {
      const data = await fs.readFile(path.join(root, ...key.split('/')));
      const existing = await target.stat(key);
      if (existing && existing.size === data.byteLength) {
        report.skipped += 1;
        options.onFile?.(key, 'skipped');
        return;
      }
      if (existing) return fail(key, `already stored with ${existing.size} bytes, the local file has ${data.byteLength}`);
      await target.put(key, data);
      const stored = await target.stat(key);
      if (stored?.size !== data.byteLength) return fail(key, `stored ${stored?.size ?? 'nothing'}, expected ${data.byteLength} bytes`);
      report.copied += 1;
      options.onFile?.(key, 'copied');
    } catch (error) {
      fail(key, error instanceof Error ? error.message : String(error));
    }
  };

  // A few requests in flight at once: object stores answer each one slowly, not many slowly.
  let next = 0;
  const worker = async () => {
    while (next < keys.length) await copyOne(keys[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  report.failures.sort((a, b) => a.key.localeCompare(b.key));
  return report;
}
