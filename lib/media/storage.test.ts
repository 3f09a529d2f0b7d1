import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentKey, isSafeKey, localDiskStorage } from './storage';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'media-storage-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const text = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString();

describe('storage keys', () => {
  it('accepts content keys and refuses anything that could leave the root', () => {
    expect(isSafeKey('images/ab/abcdef.webp')).toBe(true);
    for (const key of ['../etc/passwd', 'images/../../x', 'images/..', '/etc/passwd', 'images//x.png', 'images\\x.png', 'Images/X.png', 'images/x.png/', '', '.hidden', 'a/b/c/d/e/f', 'images/%2e%2e/x', 'images/x y.png'])
      expect(isSafeKey(key), key).toBe(false);
  });

  it('names content by its SHA-256, so equal bytes share one key', () => {
    const key = contentKey('images', Buffer.from('abc'), 'png');
    expect(key).toBe('images/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png');
    expect(contentKey('images', Buffer.from('abc'), 'png')).toBe(key);
    expect(contentKey('images', Buffer.from('abd'), 'png')).not.toBe(key);
  });
});

describe('local disk storage', () => {
  const storage = localDiskStorage(root);

  it('puts, reads, stats and deletes by key, under its root only', async () => {
    const key = contentKey('images', Buffer.from('hello'), 'txt');
    await storage.put(key, Buffer.from('hello'));
    expect(await storage.stat(key)).toEqual({ size: 5 });
    expect(await text((await storage.get(key))!.body)).toBe('hello');
    expect(await fs.readFile(path.join(root, ...key.split('/')), 'utf8')).toBe('hello');
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice is no error
  });

  it('never overwrites a stored file: keys are immutable', async () => {
    await storage.put('images/aa/fixed.txt', Buffer.from('first'));
    await storage.put('images/aa/fixed.txt', Buffer.from('second'));
    expect(await text((await storage.get('images/aa/fixed.txt'))!.body)).toBe('first');
    expect((await fs.readdir(path.join(root, 'images/aa'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses unsafe keys on every operation', async () => {
    await expect(storage.put('../escape.txt', Buffer.from('x'))).rejects.toThrow(/unsafe storage key/);
    await expect(storage.get('images/../../escape.txt')).rejects.toThrow(/unsafe storage key/);
    await expect(storage.stat('/etc/passwd')).rejects.toThrow(/unsafe storage key/);
    await expect(storage.delete('..')).rejects.toThrow(/unsafe storage key/);
    await expect(fs.stat(path.join(root, '..', 'escape.txt'))).rejects.toThrow();
  });
});
