// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentDocuments } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { removeDevelopmentDocumentAction, uploadDevelopmentDocumentAction } from '@/lib/development/actions';
import { listDevelopmentDocuments } from '@/lib/development/document-queries';
import { GET as downloadRoute } from '@/app/(admin)/admin/development/[personId]/documents/[documentId]/route';
import { docx, html, pdf, png } from '../fixtures/media';
import { auditRowsAfter, branchIdOf, demoUsername, form, lastAuditId, signedIn, stateOf } from './auth-fixtures';
import { candidateIn, readyFor, SECRETARY_BRANCH } from './development-fixtures';
import { fileForm, storedBytes, storedKeys, useTemporaryStorage } from './media-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Documents (材料) of a development file: checked by content, written within the file's branch,
// removed by a mark with a reason, downloaded (and audited) only while current and in scope.

const db = withDemoDatabase();
const as = {} as Record<Role, SessionUser>;
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
let home: number;
let outside: number;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  for (const role of roles) as[role] = await signedIn(db.db, demoUsername[role]);
  home = await branchIdOf(db.db, SECRETARY_BRANCH);
  const scope = new Set(as.branch_secretary.branchScope);
  outside = (await db.db.select({ branchId: people.branchId }).from(people)).map((r) => r.branchId).find((id) => !scope.has(id))!;
});
afterAll(() => storage.cleanup());

const upload = (personId: number, data: Uint8Array, name: string, values: Record<string, string> = {}) =>
  stateOf(uploadDevelopmentDocumentAction, fileForm({ personId, kind: 'thought_report', title: '2025年第二季度思想汇报', ...values }, data, name, 'application/pdf'));
const remove = (personId: number, id: number, reason = '上传错了文件') => stateOf(removeDevelopmentDocumentAction, form({ personId, id, reason }));
const download = (personId: number, id: number) =>
  downloadRoute(new Request(`http://localhost/admin/development/${personId}/documents/${id}`), { params: Promise.resolve({ personId: String(personId), documentId: String(id) }) });
const rowsOf = (recordId: number) => db.db.select().from(developmentDocuments).where(eq(developmentDocuments.recordId, recordId)).orderBy(developmentDocuments.id);
const documentCount = async () => (await db.db.select({ n: count() }).from(developmentDocuments))[0]!.n;

describe('a document from upload to removal', () => {
  it('uploads, lists, downloads with an audit row, removes with a reason, then no longer serves it', async () => {
    const file = await candidateIn(db.db, home, readyFor('to_activist'));
    session.user = as.branch_secretary;
    let since = await lastAuditId(db.db);
    expect(await upload(file.person.id, pdf(), 'C:\\fakepath\\思想汇报.pdf')).toMatchObject({ ok: true, message: '材料“2025年第二季度思想汇报”已上传。' });
    const [row] = await rowsOf(file.record.id);
    expect(row).toMatchObject({ kind: 'thought_report', title: '2025年第二季度思想汇报', mimeType: 'application/pdf', originalName: '思想汇报.pdf', byteSize: pdf().length, uploadedBy: as.branch_secretary.id, removedAt: null });
    expect(row!.storageKey).toMatch(new RegExp(`^development/${file.record.id}/[0-9a-f]{2}/[0-9a-f]{64}\\.pdf$`));
    expect((await storedBytes(row!.storageKey))!.equals(pdf())).toBe(true);
    expect((await auditRowsAfter(db.db, since)).map((a) => [a.action, a.entityType, a.entityId, a.actorId])).toEqual([['development.document_upload', 'development_document', String(row!.id), as.branch_secretary.id]]);

    expect(await listDevelopmentDocuments(as.branch_secretary, file.person.id)).toEqual([
      expect.objectContaining({ id: row!.id, kind: 'thought_report', title: '2025年第二季度思想汇报', name: '思想汇报.pdf', byteSize: pdf().length, removedAt: null, url: `/admin/development/${file.person.id}/documents/${row!.id}` }),
    ]);

    since = await lastAuditId(db.db);
    const response = await download(file.person.id, row!.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('思想汇报.pdf')}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf())).toBe(true);
    expect((await auditRowsAfter(db.db, since)).map((a) => [a.action, a.entityType, a.entityId, a.actorId])).toEqual([['development.document_download', 'development_document', String(row!.id), as.branch_secretary.id]]);

    expect(await stateOf(removeDevelopmentDocumentAction, form({ personId: file.person.id, id: row!.id, reason: '' }))).toMatchObject({ ok: false, status: 400, fieldErrors: { reason: [expect.stringContaining('请填写移除理由')] } });
    since = await lastAuditId(db.db);
    expect(await remove(file.person.id, row!.id)).toMatchObject({ ok: true });
    const [removed] = await rowsOf(file.record.id);
    expect(removed).toMatchObject({ id: row!.id, removedBy: as.branch_secretary.id, removalReason: '上传错了文件' });
    expect(removed!.removedAt).toBeInstanceOf(Date);
    expect((await auditRowsAfter(db.db, since)).map((a) => [a.action, a.entityId])).toEqual([['development.document_remove', String(row!.id)]]);
    expect(await remove(file.person.id, row!.id)).toMatchObject({ ok: false, status: 409 });

    since = await lastAuditId(db.db);
    expect((await download(file.person.id, row!.id)).status).toBe(404);
    expect(await auditRowsAfter(db.db, since)).toEqual([]);
    expect(await listDevelopmentDocuments(as.branch_secretary, file.person.id)).toEqual([expect.objectContaining({ id: row!.id, url: null, removalReason: '上传错了文件' })]);
    // The trail keeps what the file held: the stored bytes stay.
    expect(await storedBytes(row!.storageKey)).not.toBeNull();
  });
});

describe('refusals', () => {
  it('decides the type by content: PNG bytes named .pdf are a PNG; HTML and programs are refused', async () => {
    const file = await candidateIn(db.db, home, readyFor('to_activist'));
    session.user = as.admin;
    expect(await upload(file.person.id, await png(8, 8), '申请书.pdf', { kind: 'application', title: '入党申请书' })).toMatchObject({ ok: true });
    expect(await upload(file.person.id, docx(), '考察.docx', { kind: 'assessment', title: '培养考察登记' })).toMatchObject({ ok: true });
    expect((await rowsOf(file.record.id)).map((r) => [r.mimeType, r.originalName, r.storageKey.split('.').pop()])).toEqual([
      ['image/png', '申请书.png', 'png'],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '考察.docx', 'docx'],
    ]);
    const [pngRow] = await rowsOf(file.record.id);
    expect((await download(file.person.id, pngRow!.id)).headers.get('content-type')).toBe('image/png');

    const before = { rows: await documentCount(), audit: await lastAuditId(db.db), keys: await storedKeys(storage.root) };
    const message = '只能上传 PDF、JPEG、PNG 图片、Word（.docx）或 Excel（.xlsx）文件（按文件内容识别，与文件名无关），且文件须完整。';
    for (const [data, name] of [
      [html(), '思想汇报.pdf'],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'setup.exe'],
      [pdf().subarray(0, pdf().length - 10), '截断.pdf'],
    ] as const) {
      expect(await upload(file.person.id, data, name), name).toMatchObject({ ok: false, status: 400, fieldErrors: { file: [message] } });
    }
    expect(await upload(file.person.id, new Uint8Array(20 * 1024 * 1024 + 1), '大文件.pdf')).toMatchObject({ ok: false, status: 400, fieldErrors: { file: ['材料文件不能超过 20 MB。'] } });
    const missing = await stateOf(uploadDevelopmentDocumentAction, fileForm({ personId: file.person.id, kind: '', title: ' ' }, pdf(), 'a.pdf'));
    expect(missing).toMatchObject({ ok: false, status: 400, fieldErrors: { kind: ['请选择材料类别。'], title: ['请填写材料标题。'] } });
    expect(await stateOf(uploadDevelopmentDocumentAction, form({ personId: file.person.id, kind: 'other', title: '无文件' }))).toMatchObject({ fieldErrors: { file: ['请选择要上传的文件。'] } });
    expect(await upload(file.person.id, docx(), '再传一次.docx')).toMatchObject({ ok: false, status: 409, fieldErrors: { file: ['该档案已有内容相同的材料（培养考察登记）。'] } });
    expect({ rows: await documentCount(), audit: await lastAuditId(db.db), keys: await storedKeys(storage.root) }).toEqual(before);
  });

  it('a secretary outside their subtree: 403, no row, no audit, nothing stored; the download is a 404', async () => {
    const file = await candidateIn(db.db, outside, readyFor('to_activist'));
    session.user = as.admin;
    expect(await upload(file.person.id, pdf(), '政审.pdf', { kind: 'political_review', title: '政审材料' })).toMatchObject({ ok: true });
    const [row] = await rowsOf(file.record.id);

    session.user = as.branch_secretary;
    const before = { rows: await documentCount(), audit: await lastAuditId(db.db), keys: await storedKeys(storage.root) };
    expect(await upload(file.person.id, docx(), '越权.docx')).toEqual({ ok: false, status: 403, message: '您没有执行此操作的权限。', values: expect.any(Object) });
    expect(await remove(file.person.id, row!.id)).toMatchObject({ ok: false, status: 403 });
    expect((await download(file.person.id, row!.id)).status).toBe(404);
    expect({ rows: await documentCount(), audit: await lastAuditId(db.db), keys: await storedKeys(storage.root) }).toEqual(before);
    expect((await rowsOf(file.record.id))[0]!.removedAt).toBeNull();
  });

  it('an auditor cannot upload or remove, but downloads within scope (audited)', async () => {
    const file = await candidateIn(db.db, home, readyFor('to_activist'));
    session.user = as.admin;
    expect(await upload(file.person.id, pdf(), '转正申请.pdf', { kind: 'conversion_application', title: '转正申请书' })).toMatchObject({ ok: true });
    const [row] = await rowsOf(file.record.id);

    session.user = as.auditor;
    const since = await lastAuditId(db.db);
    expect(await upload(file.person.id, docx(), '审计.docx')).toEqual({ ok: false, status: 403, message: '您没有执行此操作的权限。' });
    expect(await remove(file.person.id, row!.id)).toEqual({ ok: false, status: 403, message: '您没有执行此操作的权限。' });
    const response = await download(file.person.id, row!.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf())).toBe(true);
    expect((await auditRowsAfter(db.db, since)).map((a) => [a.action, a.actorId])).toEqual([['development.document_download', as.auditor.id]]);

    session.user = as.editor;
    expect((await download(file.person.id, row!.id)).status).toBe(404);
    session.user = null;
    expect((await download(file.person.id, row!.id)).status).toBe(404);
  });

  it('answers 404 for unknown ids, malformed ids and a document of another person', async () => {
    const file = await candidateIn(db.db, home, readyFor('to_activist'));
    const other = await candidateIn(db.db, home, readyFor('to_activist'));
    session.user = as.admin;
    expect(await upload(file.person.id, pdf(), 'a.pdf')).toMatchObject({ ok: true });
    const [row] = await rowsOf(file.record.id);
    expect((await download(other.person.id, row!.id)).status).toBe(404);
    expect((await download(file.person.id, 999_999_999)).status).toBe(404);
    const bad = await downloadRoute(new Request('http://localhost/x'), { params: Promise.resolve({ personId: 'abc', documentId: '1' }) });
    expect(bad.status).toBe(404);
    expect(await remove(other.person.id, row!.id)).toMatchObject({ ok: false, status: 404 });
  });
});
