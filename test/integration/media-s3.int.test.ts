// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttachmentAction, deleteMediaAction, uploadMediaAction } from '@/lib/media/actions';
import { s3Storage, type S3StorageConfig } from '@/lib/media/s3-storage';
import { contentKey, getStorage, type MediaStorage, setStorage } from '@/lib/media/storage';
import { GET as mediaRoute } from '@/app/media/[...key]/route';
import { GET as downloadRoute } from '@/app/attachments/[id]/route';
import { pdf, png } from '../fixtures/media';
import { form, signedIn, stateOf } from './auth-fixtures';
import { articleIn } from './article-fixtures';
import { fileForm, mediaRow } from './media-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Media on an S3-compatible store, against a real one (s3rver, in-process on a free loopback
// port): the storage contract, the app's upload and download paths unchanged on top of it, and
// `npm run media:migrate`.

const db = withDemoDatabase();
let server: S3rver;
let root: string;
let endpoint: string;
/** Requests the S3 server has received. */
let requests = 0;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const configFor = (bucket: string, prefix?: string): S3StorageConfig => ({ bucket, region: 'us-east-1', endpoint, credentials, forcePathStyle: true, prefix });
let client: S3Client;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, directory: path.join(root, 's3rver'), silent: true });
  const { port } = await server.run();
  server.httpServer.on('request', () => (requests += 1));
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({ region: 'us-east-1', endpoint, credentials, forcePathStyle: true });
  for (const Bucket of ['media', 'app', 'configured', 'migrated']) await client.send(new CreateBucketCommand({ Bucket }));
});
afterAll(async () => {
  setStorage(undefined);
  client?.destroy();
  await server?.close();
  await fs.rm(root, { recursive: true, force: true });
});

const bytesOf = async (storage: MediaStorage, key: string) => {
  const file = await storage.get(key);
  return file ? { size: file.size, data: Buffer.from(await new Response(file.body).arrayBuffer()) } : null;
};

/** Node with tsx, as the app's scripts run. Asynchronously: the S3 server answers from this process. */
function runNode(args: string[], vars: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...vars }, timeout: 60_000 });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** `npm run media:migrate` as an operator runs it. */
const runCli = (vars: Record<string, string>) => runNode(['tasks/cli/media-migrate.ts'], vars);

describe('S3 storage', () => {
  it('puts, reads, stats and deletes by key, byte for byte', async () => {
    const storage = s3Storage(configFor('media'));
    const data = await png(64, 48);
    const key = contentKey('images', data, 'png');
    expect(await storage.stat(key)).toBeNull();
    await storage.put(key, data);
    expect(await storage.stat(key)).toEqual({ size: data.byteLength });
    const read = (await bytesOf(storage, key))!;
    expect(read.size).toBe(data.byteLength);
    expect(read.data.equals(data)).toBe(true);
    // Stored with the type the key names, for anyone reading the bucket directly.
    expect((await client.send(new HeadObjectCommand({ Bucket: 'media', Key: key }))).ContentType).toBe('image/png');
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice is no error
  });

  it('never overwrites a stored key: the second put sends no PutObject', async () => {
    const storage = s3Storage(configFor('media'));
    await storage.put('images/aa/fixed.txt', Buffer.from('first'));
    const before = requests;
    await storage.put('images/aa/fixed.txt', Buffer.from('second'));
    expect(requests - before).toBe(1); // the HeadObject only
    expect((await bytesOf(storage, 'images/aa/fixed.txt'))!.data.toString()).toBe('first');
  });

  it('reads a missing key as null; a missing bucket is an error, not an empty read', async () => {
    const storage = s3Storage(configFor('media'));
    expect(await storage.get('images/00/missing.png')).toBeNull();
    expect(await storage.stat('images/00/missing.png')).toBeNull();
    await expect(s3Storage(configFor('no-such-bucket')).put('images/00/x.png', Buffer.from('x'))).rejects.toThrow();
  });

  it('refuses unsafe keys on every operation before sending anything', async () => {
    const storage = s3Storage(configFor('media'));
    const before = requests;
    await expect(storage.put('../escape.txt', Buffer.from('x'))).rejects.toThrow(/unsafe storage key/);
    await expect(storage.get('images/../../escape.txt')).rejects.toThrow(/unsafe storage key/);
    await expect(storage.stat('/etc/passwd')).rejects.toThrow(/unsafe storage key/);
    await expect(storage.delete('..')).rejects.toThrow(/unsafe storage key/);
    await expect(storage.get('Images/X.png')).rejects.toThrow(/unsafe storage key/);
    expect(requests).toBe(before);
  });

  it('keeps objects under S3_PREFIX when one is set', async () => {
    const storage = s3Storage(configFor('media', 'portal/media'));
    await storage.put('images/bb/prefixed.txt', Buffer.from('p'));
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'media', Prefix: 'portal/' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['portal/media/images/bb/prefixed.txt']);
    expect(await s3Storage(configFor('media')).stat('images/bb/prefixed.txt')).toBeNull();
  });
});

describe('the app on S3, callers unchanged', () => {
  it('uses the bucket when MEDIA_STORAGE=s3 and the S3_* variables name it', async () => {
    const script = "const { getStorage } = await import('@/lib/media/storage'); await getStorage().put('images/cc/configured.txt', Buffer.from('via env'));";
    const run = await runNode(['--input-type=module', '-e', script], {
      MEDIA_STORAGE: 's3',
      S3_BUCKET: 'configured',
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_PREFIX: 'portal',
    });
    expect(run.status, run.output).toBe(0);
    expect((await bytesOf(s3Storage(configFor('configured', 'portal')), 'images/cc/configured.txt'))!.data.toString()).toBe('via env');
  });

  beforeAll(() => setStorage(s3Storage(configFor('app'))));
  afterAll(() => setStorage(undefined));

  it('uploads an image, serves it from /media and deletes its objects', async () => {
    session.user = await signedIn(db.db, 'editor');
    const state = await stateOf(uploadMediaAction, fileForm({ altText: '主题党日活动现场' }, await png(1200, 800), 'photo.png', 'image/png'));
    expect(state).toMatchObject({ ok: true });
    const row = (await mediaRow(db.db, Number(state.data!.id)))!;
    const keys = [row.storageKey, ...row.variants.map((v) => v.storageKey)];
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'app' }));
    expect(listed.Contents?.map((c) => c.Key).sort()).toEqual([...keys].sort());

    const response = await mediaRoute(new Request(`http://localhost/media/${row.storageKey}`), { params: Promise.resolve({ key: row.storageKey.split('/') }) });
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(body.byteLength));
    expect(body.equals((await bytesOf(getStorage(), row.storageKey))!.data)).toBe(true);

    expect(await stateOf(deleteMediaAction, form({ id: row.id }))).toMatchObject({ ok: true });
    for (const key of keys) expect(await getStorage().stat(key), key).toBeNull();
  });

  it('stores an attachment and downloads the same bytes', async () => {
    session.user = await signedIn(db.db, 'editor');
    const draft = await articleIn(db.db, { status: 'draft', authorId: session.user.id });
    expect(await stateOf(addAttachmentAction, fileForm({ articleId: draft.id }, pdf(), '通知.pdf', 'application/pdf'))).toMatchObject({ ok: true });
    const [attachment] = await db.db.query.articleAttachments.findMany({ where: (a, { eq }) => eq(a.articleId, draft.id) });
    const response = await downloadRoute(new Request(`http://localhost/attachments/${attachment!.id}`), { params: Promise.resolve({ id: String(attachment!.id) }) });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf())).toBe(true);
    expect((await client.send(new HeadObjectCommand({ Bucket: 'app', Key: attachment!.storageKey }))).ContentType).toBe('application/pdf');
  });
});

describe('npm run media:migrate', { timeout: 120_000 }, () => {
  let dataDir: string;
  const files: Record<string, Buffer> = {};

  const migrate = () =>
    runCli({
      DATA_DIR: dataDir,
      S3_BUCKET: 'migrated',
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_PREFIX: 'site',
      MEDIA_STORAGE: 'local',
    });

  beforeAll(async () => {
    dataDir = path.join(root, 'data');
    const local = path.join(dataDir, 'media');
    for (const [prefix, data, ext] of [
      ['images', await png(32, 32), 'png'],
      ['images', await png(40, 30), 'png'],
      ['attachments/7', pdf(), 'pdf'],
      ['development/3', Buffer.from('%PDF-1.7 another'), 'pdf'],
    ] as const) {
      const key = contentKey(prefix, data, ext);
      files[key] = data;
      await fs.mkdir(path.dirname(path.join(local, key)), { recursive: true });
      await fs.writeFile(path.join(local, key), data);
    }
    // A crash mid-upload leaves a write-aside file: never copied.
    const someKey = Object.keys(files)[0]!;
    await fs.writeFile(path.join(local, `${someKey}.0123456789ab.tmp`), 'half');
  });

  it('copies every local file into the bucket, then finds nothing left to copy', async () => {
    const first = await migrate();
    expect(first.output).toContain('Media migration: 4 copied, 0 skipped (already there), 0 failed, 1 unfinished temporary files ignored');
    expect(first.status).toBe(0);
    const bucket = s3Storage(configFor('migrated', 'site'));
    for (const [key, data] of Object.entries(files)) expect((await bytesOf(bucket, key))!.data.equals(data), key).toBe(true);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'migrated' }));
    expect(listed.Contents).toHaveLength(4);

    const second = await migrate();
    expect(second.output).toContain('Media migration: 0 copied, 4 skipped (already there), 0 failed');
    expect(second.status).toBe(0);
  });

  it('reports files it cannot copy and exits non-zero, copying the rest', async () => {
    await fs.writeFile(path.join(dataDir, 'media', 'images', 'Stray File.PNG'), 'x');
    const data = Buffer.from('new since the last run');
    const key = contentKey('images', data, 'png');
    await fs.mkdir(path.dirname(path.join(dataDir, 'media', key)), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'media', key), data);
    const run = await migrate();
    expect(run.output).toContain('failed images/Stray File.PNG: not a storage key');
    expect(run.output).toContain('Media migration: 1 copied, 4 skipped (already there), 1 failed');
    expect(run.status).toBe(1);
  });

  it('says what is missing when no bucket is configured', async () => {
    const run = await runCli({ DATA_DIR: dataDir, S3_BUCKET: '' });
    expect(run.output).toContain('Media migration not started: S3_BUCKET is not set');
    expect(run.status).toBe(2);
  });
});
