// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { desc, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '@/db/schema/articles';
import { media } from '@/db/schema/media';
import type { SessionUser } from '@/lib/auth/sessions';
import { deleteMediaAction, updateMediaAction, uploadMediaAction } from '@/lib/media/actions';
import { listMedia } from '@/lib/media/queries';
import { GET as listRoute } from '@/app/api/admin/media/route';
import { GET as mediaRoute } from '@/app/media/[...key]/route';
import { animatedGif, GPS_MARKER, html, jpegWithGps, png, pngBomb } from '../fixtures/media';
import { auditRowsAfter, form, lastAuditId, signedIn, stateOf } from './auth-fixtures';
import { articleIn } from './article-fixtures';
import { fileForm, mediaRow, metadataOf, storedBytes, storedKeys, useTemporaryStorage } from './media-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The media library through its real actions and routes: what gets stored, what never does
// (metadata), what is refused, and when an image may be deleted.

const db = withDemoDatabase();
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let editor: SessionUser;
let auditor: SessionUser;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  editor = await signedIn(db.db, 'editor');
  auditor = await signedIn(db.db, 'auditor');
  session.user = editor;
});
afterAll(() => storage.cleanup());

async function upload(data: Uint8Array, name: string, values: Record<string, string> = { altText: '主题党日活动现场' }) {
  return stateOf(uploadMediaAction, fileForm(values, data, name, 'image/jpeg'));
}

const rowOf = async (state: { data?: Record<string, string> }) => (await mediaRow(db.db, Number(state.data!.id)))!;

describe('upload', () => {
  it('stores a re-encoded main file and WebP variants, with every bit of EXIF and GPS gone', async () => {
    const since = await lastAuditId(db.db);
    const state = await upload(await jpegWithGps(), 'IMG_0001.JPG', { altText: '机关党员在主题党日活动中重温入党誓词', caption: '2025 年 3 月，市发改委机关' });
    expect(state).toMatchObject({ ok: true, message: '图片已上传。' });
    const row = await rowOf(state);
    // Orientation 6 was applied: the stored picture stands upright.
    expect(row).toMatchObject({ originalName: 'IMG_0001.JPG', mimeType: 'image/jpeg', width: 1000, height: 2000, caption: '2025 年 3 月，市发改委机关', createdBy: editor.id });
    expect(row.storageKey).toMatch(/^images\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    expect(row.variants.map((v) => [v.width, v.mimeType])).toEqual([
      [480, 'image/webp'],
      [960, 'image/webp'],
    ]);
    expect(state.data).toMatchObject({ url: `/media/${row.storageKey}`, width: '1000', height: '2000' });
    expect(state.data!.srcSet).toBe(`/media/${row.variants[0]!.storageKey} 480w, /media/${row.variants[1]!.storageKey} 960w, /media/${row.storageKey} 1000w`);

    const keys = [row.storageKey, ...row.variants.map((v) => v.storageKey)];
    expect(await storedKeys(storage.root)).toEqual(expect.arrayContaining(keys));
    for (const key of keys) {
      const bytes = (await storedBytes(key))!;
      expect(bytes.byteLength).toBe(key === row.storageKey ? row.byteSize : row.variants.find((v) => v.storageKey === key)!.byteSize);
      expect((await metadataOf(bytes)).exif, key).toBeUndefined();
      expect(bytes.includes(GPS_MARKER), key).toBe(false);
      expect(bytes.includes('LeakyCam'), key).toBe(false);
    }
    const audits = await auditRowsAfter(db.db, since);
    expect(audits.map((a) => [a.action, a.entityType, a.entityId, a.actorId])).toEqual([['media.upload', 'media', String(row.id), editor.id]]);
  });

  it('decides the type by content: a PNG named .gif is stored as PNG, HTML named .jpg is refused', async () => {
    const asPng = await rowOf(await upload(await png(800, 600), 'looks-like.gif'));
    expect(asPng).toMatchObject({ mimeType: 'image/png', width: 800, height: 600 });
    expect(asPng.storageKey).toMatch(/\.png$/);

    const before = await storedKeys(storage.root);
    const refused = await upload(html(), 'photo.jpg');
    expect(refused).toMatchObject({ ok: false, status: 400, fieldErrors: { file: ['只能上传 JPEG、PNG、WebP 或 GIF 图片（按文件内容识别，与文件名无关）。'] } });
    expect(await storedKeys(storage.root)).toEqual(before);
  });

  it('keeps an animated GIF animated', async () => {
    const row = await rowOf(await upload(await animatedGif(600, 300, 3), 'wave.gif'));
    expect(row).toMatchObject({ mimeType: 'image/gif', width: 600, height: 300 });
    expect((await metadataOf((await storedBytes(row.storageKey))!)).pages).toBe(3);
    expect((await metadataOf((await storedBytes(row.variants[0]!.storageKey))!)).pages).toBe(3);
  });

  it('refuses, in Chinese and beside the field, a bomb, a truncated file, a missing alt text, an oversized file and a duplicate', async () => {
    expect(await upload(await pngBomb(), 'bomb.png')).toMatchObject({ status: 400, fieldErrors: { file: ['图片像素过多（超过 5000 万像素），无法处理，请缩小后再上传。'] } });
    const jpeg = await jpegWithGps(300, 200);
    expect(await upload(jpeg.subarray(0, jpeg.length - 200), 'cut.jpg')).toMatchObject({ status: 400, fieldErrors: { file: ['图片文件已损坏或不完整，无法读取。'] } });

    const noAlt = await upload(await png(), 'a.png', { altText: '  ', caption: '说明' });
    expect(noAlt).toMatchObject({ status: 400, fieldErrors: { altText: [expect.stringContaining('请填写替代文本')] }, values: { altText: '  ', caption: '说明' } });
    expect(JSON.stringify(noAlt.values)).not.toContain('File');
    expect(await upload(await png(), 'a.png', { altText: '长'.repeat(201) })).toMatchObject({ fieldErrors: { altText: ['替代文本不能超过 200 个字符。'] } });
    expect(await upload(new Uint8Array(10 * 1024 * 1024 + 1), 'huge.jpg')).toMatchObject({ status: 400, fieldErrors: { file: ['图片不能超过 10 MB。'] } });
    expect(await stateOf(uploadMediaAction, form({ altText: '没有文件' }))).toMatchObject({ fieldErrors: { file: ['请选择要上传的图片。'] } });

    const first = await rowOf(await upload(await png(333, 222), 'same.png', { altText: '第一次上传' }));
    expect(await upload(await png(333, 222), 'same-again.png')).toMatchObject({
      status: 409,
      fieldErrors: { file: [`媒体库中已有这张图片（编号 ${first.id}：第一次上传），请直接选用，无需重复上传。`] },
    });
  });
});

describe('edit and delete', () => {
  it('saves alt text and caption against the loaded version; a stale version is a conflict', async () => {
    const row = await rowOf(await upload(await png(500, 500), 'edit.png'));
    const saved = await stateOf(updateMediaAction, form({ id: row.id, version: row.version, altText: '新的替代文本', caption: '' }));
    expect(saved).toMatchObject({ ok: true });
    expect(await mediaRow(db.db, row.id)).toMatchObject({ altText: '新的替代文本', caption: null, version: row.version + 1 });
    const stale = await stateOf(updateMediaAction, form({ id: row.id, version: row.version, altText: '晚到的修改' }));
    expect(stale).toMatchObject({ ok: false, status: 409, message: '该图片的信息已被他人修改，请刷新页面后再保存。' });
  });

  it('refuses to delete an image used as a cover or in a body (at any depth), naming how many articles', async () => {
    const cover = await rowOf(await upload(await png(510, 300), 'cover.png'));
    const inBody = await rowOf(await upload(await png(520, 300), 'body.png'));
    const a = await articleIn(db.db, { status: 'draft', authorId: editor.id, title: '封面文章' });
    const b = await articleIn(db.db, { status: 'published', authorId: editor.id, title: '正文插图文章' });
    const c = await articleIn(db.db, { status: 'draft', authorId: editor.id, title: '列表里的插图' });
    await db.db.update(articles).set({ coverMediaId: cover.id }).where(eq(articles.id, a.id));
    const image = (mediaId: number | string) => ({ type: 'image', attrs: { src: `/media/${inBody.storageKey}`, alt: '插图', caption: null, mediaId } });
    await db.db.update(articles).set({ bodyJson: { type: 'doc', content: [{ type: 'paragraph' }, image(inBody.id)] } }).where(eq(articles.id, b.id));
    // Nested in a list item, with the id as a string: still a use.
    await db.db
      .update(articles)
      .set({ bodyJson: { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [image(String(inBody.id))] }] }] } })
      .where(eq(articles.id, c.id));

    const since = await lastAuditId(db.db);
    expect(await stateOf(deleteMediaAction, form({ id: cover.id }))).toMatchObject({ ok: false, status: 409, message: '该图片正被 1 篇文章使用（《封面文章》），不能删除。请先在这些文章中移除或替换它。' });
    const refused = await stateOf(deleteMediaAction, form({ id: inBody.id }));
    expect(refused.message).toMatch(/^该图片正被 2 篇文章使用（《(正文插图文章|列表里的插图)》、《(正文插图文章|列表里的插图)》），不能删除。/);
    expect(await mediaRow(db.db, cover.id)).not.toBeNull();
    expect(await storedBytes(inBody.storageKey)).not.toBeNull();
    expect(await auditRowsAfter(db.db, since)).toEqual([]);
  });

  it('deletes an unused image with all its files', async () => {
    const row = await rowOf(await upload(await png(1200, 800), 'unused.png'));
    const keys = [row.storageKey, ...row.variants.map((v) => v.storageKey)];
    expect(keys).toHaveLength(3);
    const since = await lastAuditId(db.db);
    expect(await stateOf(deleteMediaAction, form({ id: row.id }))).toMatchObject({ ok: true, message: '图片已删除。' });
    expect(await mediaRow(db.db, row.id)).toBeNull();
    for (const key of keys) expect(await storedBytes(key), key).toBeNull();
    expect((await auditRowsAfter(db.db, since)).map((a) => a.action)).toEqual(['media.delete']);
    expect(await stateOf(deleteMediaAction, form({ id: row.id }))).toMatchObject({ status: 404, message: '该图片不存在或已被删除。' });
  });
});

describe('GET /media/<key>', () => {
  const get = (key: string) => mediaRoute(new Request(`http://localhost/media/${key}`), { params: Promise.resolve({ key: key.split('/') }) });

  it('streams a stored image, immutable, with its type and nosniff', async () => {
    const [row] = await db.db.select().from(media).limit(1);
    const response = await get(row!.variants[0]?.storageKey ?? row!.storageKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^image\/(webp|jpeg|png|gif)$/);
    expect(Buffer.from(await response.arrayBuffer()).byteLength).toBe(Number(response.headers.get('content-length')));
  });

  it('answers 404 for unknown keys, traversal and anything outside images/', async () => {
    for (const key of ['images/00/' + '0'.repeat(64) + '.png', '../../etc/passwd', 'images/../attachments/x.pdf', 'attachments/1/ab/x.pdf', 'images/ab/x.svg'])
      expect((await get(key)).status, key).toBe(404);
  });
});

describe('GET /api/admin/media', () => {
  const get = (query = '') => listRoute(new NextRequest(`http://localhost/api/admin/media${query}`));

  it('lists and searches for those who manage media, and no one else', async () => {
    session.user = editor;
    const all = await get();
    expect(all.status).toBe(200);
    const body = await all.json();
    expect(body).toMatchObject({ isFirst: true, prev: null, capped: false, total: body.items.length, maxBytes: 10 * 1024 * 1024 });
    expect(body.items[0]).toMatchObject({ id: expect.any(Number), url: expect.stringMatching(/^\/media\/images\//), alt: expect.any(String) });
    const found = await (await get(`?q=${encodeURIComponent('重温入党誓词')}`)).json();
    expect(found.items.map((i: { alt: string }) => i.alt)).toEqual(['机关党员在主题党日活动中重温入党誓词']);

    session.user = auditor;
    expect((await get()).status).toBe(403);
    session.user = null;
    expect((await get()).status).toBe(401);
    session.user = editor;
  });
});

describe('the library past one page', () => {
  it('pages by cursor through every image once, newest first', async () => {
    session.user = editor;
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 50; i++) {
      const list = await listMedia(editor, { q: '', cursor, pageSize: 2 });
      seen.push(...list.items.map((m) => m.id));
      if (!list.next) break;
      cursor = list.next;
    }
    const all = await db.db.select({ id: media.id }).from(media).orderBy(desc(media.createdAt), desc(media.id));
    expect(seen).toEqual(all.map((m) => m.id));
    expect(all.length).toBeGreaterThan(2);
  });
});
