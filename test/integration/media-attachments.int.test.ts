// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleAttachments } from '@/db/schema/articles';
import type { SessionUser } from '@/lib/auth/sessions';
import { addAttachmentAction, moveAttachmentAction, removeAttachmentAction } from '@/lib/media/actions';
import { listArticleAttachments } from '@/lib/media/queries';
import { findVisibleArticle } from '@/lib/news/article-queries';
import { GET as downloadRoute } from '@/app/attachments/[id]/route';
import { docx, html, pdf, xlsx, zipOf } from '../fixtures/media';
import { addUser, auditRowsAfter, form, lastAuditId, signedIn, stateOf } from './auth-fixtures';
import { articleIn } from './article-fixtures';
import { fileForm, storedBytes, useTemporaryStorage } from './media-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Notice attachments: checked by content, only on one's own drafts (admins: any state), and
// downloadable by the public only once the article is public.

const db = withDemoDatabase();
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
const users = {} as Record<'admin' | 'editor' | 'otherEditor' | 'auditor' | 'secretary', SessionUser>;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  await addUser(db.db, { username: 'editor-two', role: 'editor' });
  for (const [key, username] of Object.entries({ admin: 'admin', editor: 'editor', otherEditor: 'editor-two', auditor: 'auditor', secretary: 'secretary' }))
    users[key as keyof typeof users] = await signedIn(db.db, username);
});
afterAll(() => storage.cleanup());

const as = (user: SessionUser | null) => (session.user = user);
const attach = (articleId: number, data: Uint8Array, name: string) => stateOf(addAttachmentAction, fileForm({ articleId }, data, name, 'application/pdf'));
const rowsOf = (articleId: number) => db.db.select().from(articleAttachments).where(eq(articleAttachments.articleId, articleId)).orderBy(articleAttachments.sortOrder);
const download = (id: number) => downloadRoute(new Request(`http://localhost/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });

describe('adding attachments', () => {
  it('stores PDF, DOCX and XLSX by their content, with the extension the content has', async () => {
    as(users.editor);
    const draft = await articleIn(db.db, { status: 'draft', authorId: users.editor.id });
    const since = await lastAuditId(db.db);
    expect(await attach(draft.id, pdf(), '关于开展主题党日活动的通知.pdf')).toMatchObject({ ok: true, message: '附件“关于开展主题党日活动的通知.pdf”已上传。' });
    expect(await attach(draft.id, docx(), '报名表.xlsx')).toMatchObject({ ok: true });
    expect(await attach(draft.id, xlsx(), 'C:\\fakepath\\统计表')).toMatchObject({ ok: true });
    const rows = await rowsOf(draft.id);
    expect(rows.map((r) => [r.originalName, r.kind, r.sortOrder, r.createdBy])).toEqual([
      ['关于开展主题党日活动的通知.pdf', 'pdf', 0, users.editor.id],
      ['报名表.docx', 'docx', 1, users.editor.id],
      ['统计表.xlsx', 'xlsx', 2, users.editor.id],
    ]);
    expect(rows[0]!.storageKey).toMatch(new RegExp(`^attachments/${draft.id}/[0-9a-f]{2}/[0-9a-f]{64}\\.pdf$`));
    expect((await storedBytes(rows[0]!.storageKey))!.equals(pdf())).toBe(true);
    expect((await auditRowsAfter(db.db, since)).map((a) => [a.action, a.entityType])).toEqual(Array(3).fill(['attachment.add', 'article_attachment']));
    expect(await listArticleAttachments(draft.id)).toEqual(rows.map((r) => ({ id: r.id, name: r.originalName, kind: r.kind, byteSize: r.byteSize, url: `/attachments/${r.id}` })));
  });

  it('refuses spoofed and incomplete files, whatever they are called', async () => {
    as(users.editor);
    const draft = await articleIn(db.db, { status: 'draft', authorId: users.editor.id });
    const message = '只能上传 PDF、Word（.docx）或 Excel（.xlsx）文件（按文件内容识别，与文件名无关），且文件须完整。';
    const full = pdf();
    for (const [data, name] of [
      [html(), '通知.pdf'],
      [zipOf(['[Content_Types].xml', 'evil.js']), '报名表.docx'],
      [Buffer.from('PK\x03\x04 not really a zip'), '统计表.xlsx'],
      [full.subarray(0, full.length - 10), '截断.pdf'],
    ] as const) {
      expect(await attach(draft.id, data, name), name).toMatchObject({ ok: false, status: 400, fieldErrors: { file: [message] } });
    }
    expect(await rowsOf(draft.id)).toEqual([]);
    expect(await attach(draft.id, new Uint8Array(20 * 1024 * 1024 + 1), '大文件.pdf')).toMatchObject({ fieldErrors: { file: ['附件不能超过 20 MB。'] } });
    await attach(draft.id, pdf(), 'a.pdf');
    expect(await attach(draft.id, pdf(), 'b.pdf')).toMatchObject({ status: 409, fieldErrors: { file: ['本文已有内容相同的附件（a.pdf）。'] } });
  });

  it('lets editors change only their own drafts; admins any article in any state', async () => {
    const theirs = await articleIn(db.db, { status: 'draft', authorId: users.otherEditor.id });
    const submitted = await articleIn(db.db, { status: 'in_review', authorId: users.editor.id });
    const published = await articleIn(db.db, { status: 'published', authorId: users.editor.id });

    as(users.editor);
    expect(await attach(theirs.id, pdf(), 'x.pdf')).toMatchObject({ ok: false, status: 403, message: '您没有执行此操作的权限。' });
    expect(await attach(submitted.id, pdf(), 'x.pdf')).toMatchObject({ ok: false, status: 403, message: '文章已提交审核或已发布，只有管理员可以修改它的附件。' });
    expect(await attach(published.id, pdf(), 'x.pdf')).toMatchObject({ ok: false, status: 403 });
    as(users.auditor);
    expect(await attach(published.id, pdf(), 'x.pdf')).toMatchObject({ ok: false, status: 403 });
    expect(await rowsOf(published.id)).toEqual([]);

    as(users.admin);
    expect(await attach(published.id, pdf(), '管理员补充.pdf')).toMatchObject({ ok: true });
    const [row] = await rowsOf(published.id);
    as(users.editor);
    expect(await stateOf(removeAttachmentAction, form({ id: row!.id }))).toMatchObject({ status: 403 });
    expect(await rowsOf(published.id)).toHaveLength(1);
  });
});

describe('removing and reordering', () => {
  it('reorders, and removing deletes the stored file after the row', async () => {
    as(users.editor);
    const draft = await articleIn(db.db, { status: 'draft', authorId: users.editor.id });
    await attach(draft.id, pdf(), '一.pdf');
    await attach(draft.id, docx(), '二.docx');
    const [first, second] = await rowsOf(draft.id);
    expect(await stateOf(moveAttachmentAction, form({ id: second!.id, direction: 'up' }))).toMatchObject({ ok: true });
    expect((await rowsOf(draft.id)).map((r) => r.originalName)).toEqual(['二.docx', '一.pdf']);
    expect(await stateOf(moveAttachmentAction, form({ id: second!.id, direction: 'up' }))).toMatchObject({ ok: false, message: '该附件已在最前。' });

    const since = await lastAuditId(db.db);
    expect(await stateOf(removeAttachmentAction, form({ id: first!.id }))).toMatchObject({ ok: true, message: '附件已删除。' });
    expect(await storedBytes(first!.storageKey)).toBeNull();
    expect(await storedBytes(second!.storageKey)).not.toBeNull();
    expect((await auditRowsAfter(db.db, since)).map((a) => a.action)).toEqual(['attachment.remove']);
  });
});

describe('downloading', () => {
  it('serves a draft only to staff who may read it, never cached, and a published one to anyone', async () => {
    as(users.editor);
    const draft = await articleIn(db.db, { status: 'draft', authorId: users.editor.id });
    await attach(draft.id, pdf(), '关于“两学一做”的通知 (2025).pdf');
    const [row] = await rowsOf(draft.id);

    for (const user of [null, users.otherEditor, users.secretary]) {
      as(user);
      const refused = await download(row!.id);
      expect(refused.status, user?.username ?? 'signed out').toBe(404);
    }
    for (const user of [users.editor, users.auditor, users.admin]) {
      as(user);
      const response = await download(row!.id);
      expect(response.status, user.username).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    }

    as(users.editor);
    const response = await download(row!.id);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${'_'.repeat(11)} (2025).pdf"; filename*=UTF-8''${encodeURIComponent('关于“两学一做”的通知 ').replace(/'/g, '%27')}%282025%29.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf())).toBe(true);

    as(null);
    const published = await articleIn(db.db, { status: 'published', authorId: users.editor.id });
    as(users.admin);
    await attach(published.id, xlsx(), '统计表.xlsx');
    const [open] = await rowsOf(published.id);
    as(null);
    const publicResponse = await download(open!.id);
    expect(publicResponse.status).toBe(200);
    expect(publicResponse.headers.get('cache-control')).toBe('public, max-age=300');
    expect(publicResponse.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await download(999_999)).status).toBe(404);
  });

  it('lists the attachments on the public article, in order', async () => {
    as(users.admin);
    const published = await articleIn(db.db, { status: 'published', authorId: users.editor.id });
    await attach(published.id, pdf(), '通知.pdf');
    await attach(published.id, docx(), '回执.docx');
    const article = await findVisibleArticle(published.slug);
    expect(article!.attachments!.map((a) => [a.name, a.kind, a.url.startsWith('/attachments/')])).toEqual([
      ['通知.pdf', 'pdf', true],
      ['回执.docx', 'docx', true],
    ]);
  });
});
