import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { env } from '@/lib/env';
import { s3ConfigFromEnv, s3Storage } from './s3-storage';

// Where uploaded files live. Keys are content-addressed (see contentKey), so a stored file never
// changes: put() of an existing key is a no-op and readers may cache forever. One factory picks
// the backend, so an S3-compatible store can replace the local disk without touching callers.

export type StoredFile = { body: ReadableStream<Uint8Array>; size: number };

export interface MediaStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  stat(key: string): Promise<{ size: number } | null>;
  delete(key: string): Promise<void>;
}

// Lower-case segments of [a-z0-9._-] that start with a letter or digit: no "..", no absolute
// paths, no backslashes, nothing a file system or an object store could read differently.
const KEY = /^[a-z0-9][a-z0-9._-]{0,127}(\/[a-z0-9][a-z0-9._-]{0,127}){0,4}$/;

export function isSafeKey(key: string): boolean {
  return KEY.test(key) && !key.split('/').some((segment) => segment.includes('..'));
}

export function assertSafeKey(key: string) {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
}

/** `<prefix>/<ab>/<sha256>.<ext>`: the name is the content's hash. */
export function contentKey(prefix: string, data: Uint8Array, ext: string): string {
  const hash = createHash('sha256').update(data).digest('hex');
  const key = `${prefix}/${hash.slice(0, 2)}/${hash}.${ext}`;
  assertSafeKey(key);
  return key;
}

export function localDiskStorage(root: string): MediaStorage {
  const resolvedRoot = path.resolve(/* turbopackIgnore: true */ root);
  const fileOf = (key: string) => {
    assertSafeKey(key);
    const file = path.resolve(/* turbopackIgnore: true */ resolvedRoot, ...key.split('/'));
    if (!file.startsWith(resolvedRoot + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return file;
  };
  const statOf = async (key: string) => {
    try {
      const s = await fs.stat(fileOf(key));
      return s.isFile() ? { size: s.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    async put(key, data) {
      const file = fileOf(key);
      if (await statOf(key)) return;
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write aside, then rename: a reader never sees half a file.
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temp, data);
      await fs.rename(temp, file);
    },
    async get(key) {
      const found = await statOf(key);
      if (!found) return null;
      const body = Readable.toWeb(createReadStream(fileOf(key))) as ReadableStream<Uint8Array>;
      return { body, size: found.size };
    },
    stat: statOf,
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}

const holder = globalThis as typeof globalThis & { __mediaStorage?: MediaStorage };

/** The configured store: the local disk under $DATA_DIR/media, or the bucket with MEDIA_STORAGE=s3. */
export function getStorage(): MediaStorage {
  holder.__mediaStorage ??=
    env.MEDIA_STORAGE === 's3' ? s3Storage(s3ConfigFromEnv(env)) : localDiskStorage(path.join(/* turbopackIgnore: true */ env.dataDir, 'media'));
  return holder.__mediaStorage;
}

/** Replaces the store (tests use a temporary directory); undefined goes back to the default. */
export function setStorage(storage: MediaStorage | undefined) {
  holder.__mediaStorage = storage;
}
