import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { media } from '@/db/schema/media';
import { getStorage, localDiskStorage, setStorage } from '@/lib/media/storage';
import { fileOf } from '../fixtures/media';
import { form } from './auth-fixtures';

// Shared by the media and attachment tests: a throwaway storage directory per test file, forms
// with a file, and reading what was stored.

/** Points the app's storage at a fresh temporary directory; call the result to remove it. */
export async function useTemporaryStorage(): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-media-'));
  setStorage(localDiskStorage(root));
  return {
    root,
    cleanup: async () => {
      setStorage(undefined);
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

export function fileForm(values: Record<string, string | number>, data: Uint8Array, name: string, type?: string): FormData {
  const submission = form(values);
  submission.set('file', fileOf(data, name, type));
  return submission;
}

export async function storedBytes(key: string): Promise<Buffer | null> {
  const file = await getStorage().get(key);
  return file ? Buffer.from(await new Response(file.body).arrayBuffer()) : null;
}

/** Every file under the storage root, as keys. */
export async function storedKeys(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

export async function mediaRow(db: Database, id: number) {
  const [row] = await db.select().from(media).where(eq(media.id, id));
  return row ?? null;
}

export const metadataOf = (data: Buffer) => sharp(data, { animated: true }).metadata();
