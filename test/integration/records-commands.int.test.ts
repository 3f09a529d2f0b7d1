// First: the stand-ins it registers must be in place before the modules below are imported.
import { todayInBeijing } from '@/lib/calendar/days';
import { session } from './setup/request-mocks';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityAttendees, activityRecordAttachments, activityRecords } from '@/db/schema/activities';
import { branches } from '@/db/schema/branches';
import type { SessionUser } from '@/lib/auth/sessions';
import { correctRecordAction, deleteRecordDraftAction, saveRecordDraftAction, submitRecordAction } from '@/lib/records/actions';
import { getRecord, listRecordVersions } from '@/lib/records/queries';
import { lockedMessage } from '@/lib/records/record-writes';
import { html, pdf } from '../fixtures/media';
import { auditRowsAfter, branchIdOf, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { fileOf } from '../fixtures/media';
import { storedBytes, useTemporaryStorage } from './media-fixtures';
import { attendeesOf, draftIn, libraryImage, membersOf, recordForm, recordRow, recordValues, strangerTo, submittedIn, versionsOf } from './records-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The record book's writes on the seeded demo: draft → submit → locked, corrections as new
// versions with their reason, and every refusal the issue names, each leaving nothing behind.

const db = withDemoDatabase();
let storage: Awaited<ReturnType<typeof useTemporaryStorage>>;
const users = {} as Record<'admin' | 'secretary' | 'secretary2' | 'auditor', SessionUser>;

beforeAll(async () => {
  storage = await useTemporaryStorage();
  for (const name of ['admin', 'secretary', 'secretary2', 'auditor'] as const) users[name] = await signedIn(db.db, name);
});
afterAll(() => storage.cleanup());

const as = (user: SessionUser) => (session.user = user);
const idFrom = (url: string) => Number(/\/admin\/records\/(\d+)/.exec(url)![1]);

async function countRecords() {
  const [row] = await db.db.select({ n: sql<number>`count(*)::int` }).from(activityRecords);
  return Number(row!.n);
}

describe('a secretary logs a meeting', () => {
  it('saves a draft, then submits it: revision 1, locked, with its version row and one audit row each', async () => {
    as(users.secretary);
    const photo = await libraryImage(db.db);
    const draftForm = await recordForm(db.db, 'U01-B1', { topic: '草稿：研究十二月工作', photoIds: String(photo.id) });
    let since = await lastAuditId(db.db);
    const saved = await submit(saveRecordDraftAction, draftForm);
    expect(saved).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/records\/\d+\/edit\?saved=1$/) });
    const id = idFrom((saved as { url: string }).url);
    expect(await recordRow(db.db, id)).toMatchObject({ status: 'draft', revision: 0, version: 1, topic: '草稿：研究十二月工作', createdBy: users.secretary.id });
    expect((await auditRowsAfter(db.db, since)).map((r) => [r.action, r.entityId])).toEqual([['record.create', String(id)]]);

    since = await lastAuditId(db.db);
    const submitted = await submit(submitRecordAction, await recordForm(db.db, 'U01-B1', { id, version: 1, topic: '研究十二月支部工作安排', photoIds: String(photo.id) }));
    expect(submitted).toEqual({ kind: 'redirect', url: `/admin/records/${id}?submitted=1` });
    const row = await recordRow(db.db, id);
    expect(row).toMatchObject({ status: 'submitted', revision: 1, submittedOn: todayInBeijing(), submittedBy: users.secretary.id, topic: '研究十二月支部工作安排' });
    const [version] = await versionsOf(db.db, id);
    expect(version).toMatchObject({ revision: 1, reason: null, createdBy: users.secretary.id });
    const content = version!.content as { topic: string; attendees: { name: string; attendance: string; absenceReason: string | null }[]; photos: { mediaId: number }[] };
    expect(content.topic).toBe('研究十二月支部工作安排');
    expect(content.photos).toEqual([{ mediaId: photo.id, alt: '支委会现场' }]);
    expect(content.attendees.filter((a) => a.attendance === 'absent')).toEqual([expect.objectContaining({ absenceReason: 'official_duty', name: expect.any(String) })]);
    expect((await auditRowsAfter(db.db, since)).map((r) => r.action)).toEqual(['record.submit']);

    const detail = await getRecord(users.secretary, id);
    expect(detail?.photos.map((p) => p.mediaId)).toEqual([photo.id]);
    expect(detail?.attendees.length).toBe((await membersOf(db.db, 'U01-B1')).length);
  });

  it('submits a new record in one step, and a 党小组会 sits on the group node', async () => {
    as(users.secretary);
    const outcome = await submit(submitRecordAction, await recordForm(db.db, 'U01-B1-P1', { kind: 'group_meeting', topic: '交流岗位履职情况' }));
    expect(outcome.kind).toBe('redirect');
    const row = await recordRow(db.db, idFrom((outcome as { url: string }).url));
    expect(row).toMatchObject({ status: 'submitted', revision: 1, branchId: await branchIdOf(db.db, 'U01-B1-P1'), kind: 'group_meeting' });
  });

  it('refuses a 党小组会 on the branch itself, beside the node', async () => {
    as(users.secretary);
    const state = await stateOf(submitRecordAction, await recordForm(db.db, 'U01-B1', { kind: 'group_meeting' }));
    expect(state).toMatchObject({ ok: false, status: 400, fieldErrors: { branchId: ['党小组会请登记在相应的党小组下。'] } });
  });
});

describe('a submitted record is locked', () => {
  it('refuses an edit in place through the command (409), changing nothing', async () => {
    as(users.secretary);
    const record = await submittedIn(db.db, 'U01-B1');
    const since = await lastAuditId(db.db);
    const state = await stateOf(saveRecordDraftAction, await recordForm(db.db, 'U01-B1', { id: record.id, version: record.version, topic: '偷偷改掉' }));
    expect(state).toMatchObject({ ok: false, status: 409, message: lockedMessage });
    expect(state.values?.topic).toBe('偷偷改掉');
    expect(await recordRow(db.db, record.id)).toEqual(record);
    expect(await auditRowsAfter(db.db, since)).toEqual([]);
    // Submitting it again is an edit in place too.
    expect(await stateOf(submitRecordAction, await recordForm(db.db, 'U01-B1', { id: record.id, version: record.version }))).toMatchObject({ status: 409 });
  });

  it('refuses a raw UPDATE, a change of attendance and a DELETE in SQL', async () => {
    const record = await submittedIn(db.db, 'U01-B1');
    await expect(db.db.execute(sql`update activity_records set topic = 'x' where id = ${record.id}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update activity_records set status = 'draft' where id = ${record.id}`)).rejects.toThrow();
    await expect(db.db.update(activityAttendees).set({ attendance: 'absent', absenceReason: 'sick_leave' }).where(eq(activityAttendees.recordId, record.id))).rejects.toThrow();
    await expect(db.db.execute(sql`delete from activity_records where id = ${record.id}`)).rejects.toThrow();
    // Bumping the revision without a version row written in the same transaction is refused too.
    await expect(db.db.execute(sql`update activity_records set revision = 2, topic = 'x' where id = ${record.id}`)).rejects.toThrow();
    expect(await recordRow(db.db, record.id)).toEqual(record);
  });

  it('takes a correction with its reason as version 2, keeping version 1 and showing the diff', async () => {
    as(users.secretary);
    const record = await submittedIn(db.db, 'U01-B1');
    const members = await membersOf(db.db, 'U01-B1');
    const absent = members[2]!;
    const noReason = await stateOf(correctRecordAction, await recordForm(db.db, 'U01-B1', { id: record.id, version: record.version }));
    expect(noReason).toMatchObject({ ok: false, status: 400, fieldErrors: { reason: [expect.stringContaining('更正原因')] } });

    const since = await lastAuditId(db.db);
    const values = await recordValues(db.db, 'U01-B1', { id: record.id, version: record.version, heldOn: record.heldOn, topic: '已提交的支委会（更正）', reason: '补登一名党员的缺席原因' });
    values[`attendance_${absent.id}`] = 'absent';
    values[`absenceReason_${absent.id}`] = 'sick_leave';
    const outcome = await submit(correctRecordAction, form(values));
    expect(outcome).toEqual({ kind: 'redirect', url: `/admin/records/${record.id}?corrected=2` });

    const row = await recordRow(db.db, record.id);
    expect(row).toMatchObject({ revision: 2, status: 'submitted', topic: '已提交的支委会（更正）', submittedOn: record.submittedOn, version: record.version + 1 });
    const versions = await versionsOf(db.db, record.id);
    expect(versions.map((v) => [v.revision, v.reason])).toEqual([
      [1, null],
      [2, '补登一名党员的缺席原因'],
    ]);
    expect((versions[0]!.content as { topic: string }).topic).toBe('已提交的支委会');
    expect((await attendeesOf(db.db, record.id)).find((a) => a.personId === absent.id)).toMatchObject({ attendance: 'absent', absenceReason: 'sick_leave' });
    expect((await auditRowsAfter(db.db, since)).map((r) => r.action)).toEqual(['record.correct']);

    const shown = await listRecordVersions(users.auditor, record.id);
    expect(shown.map((v) => v.revision)).toEqual([1, 2]);
    const groups = shown[1]!.diff!.groups;
    expect(groups.find((g) => g.title === '基本信息')!.rows).toContainEqual(expect.objectContaining({ label: '主题', left: '已提交的支委会', right: '已提交的支委会（更正）' }));
    expect(groups.find((g) => g.title === '出勤')!.rows).toContainEqual(expect.objectContaining({ label: absent.name, left: '出席', right: '缺席（病假）' }));
  });

  it('refuses a correction of a draft: drafts are saved', async () => {
    as(users.secretary);
    const draft = await draftIn(db.db, 'U01-B1');
    const state = await stateOf(correctRecordAction, await recordForm(db.db, 'U01-B1', { id: draft.id, version: draft.version, reason: '无' + '需' }));
    expect(state).toMatchObject({ status: 409 });
  });
});

describe('bad input', () => {
  it('refuses a stale save and keeps the typed text', async () => {
    as(users.secretary);
    const draft = await draftIn(db.db, 'U01-B1');
    expect((await submit(saveRecordDraftAction, await recordForm(db.db, 'U01-B1', { id: draft.id, version: draft.version, topic: '第一次保存' }))).kind).toBe('redirect');
    const stale = await stateOf(saveRecordDraftAction, await recordForm(db.db, 'U01-B1', { id: draft.id, version: draft.version, topic: '我在旧页面上写的' }));
    expect(stale).toMatchObject({ ok: false, status: 409, data: { conflict: 'version', currentVersion: String(draft.version + 1) } });
    expect(stale.values?.topic).toBe('我在旧页面上写的');
    expect((await recordRow(db.db, draft.id)).topic).toBe('第一次保存');
  });

  it('refuses an attendee from another branch, beside the row, creating nothing', async () => {
    as(users.secretary);
    const stranger = await strangerTo(db.db);
    const before = await countRecords();
    const state = await stateOf(submitRecordAction, await recordForm(db.db, 'U01-B1', { [`attendance_${stranger.id}`]: 'present' }));
    expect(state).toMatchObject({ ok: false, status: 400, fieldErrors: { [`attendance_${stranger.id}`]: [`${stranger.name} 不是本组织的党员，不能登记在本次活动的出勤中。`] } });
    expect(await countRecords()).toBe(before);
    const host = await stateOf(saveRecordDraftAction, await recordForm(db.db, 'U01-B1', { hostPersonId: stranger.id }));
    expect(host).toMatchObject({ status: 400, fieldErrors: { hostPersonId: ['主持人须从本组织的党员中选择。'] } });
  });

  it('refuses an absence without a reason, and 其他 without a note', async () => {
    as(users.secretary);
    const members = await membersOf(db.db, 'U01-B1');
    const a = members.at(-1)!;
    const values = await recordValues(db.db, 'U01-B1');
    delete values[`absenceReason_${a.id}`];
    expect(await stateOf(submitRecordAction, form(values))).toMatchObject({ status: 400, fieldErrors: { [`absenceReason_${a.id}`]: [expect.stringContaining('请选择缺席原因')] } });
    values[`absenceReason_${a.id}`] = 'other';
    expect(await stateOf(submitRecordAction, form(values))).toMatchObject({ status: 400, fieldErrors: { [`absenceNote_${a.id}`]: [expect.stringContaining('其他')] } });
  });

  it('refuses a held-on day in the future, before the node was founded, or after it was dissolved', async () => {
    as(users.secretary);
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(await stateOf(submitRecordAction, await recordForm(db.db, 'U01-B1', { heldOn: future }))).toMatchObject({ status: 400, fieldErrors: { heldOn: [expect.stringContaining('不能晚于今天')] } });
    const [node] = await db.db.select().from(branches).where(eq(branches.code, 'U01-B1'));
    expect(await stateOf(submitRecordAction, await recordForm(db.db, 'U01-B1', { heldOn: '2008-12-31' }))).toMatchObject({
      status: 400,
      fieldErrors: { heldOn: [`活动日期不能早于该组织的成立日期（${node!.establishedOn}）。`] },
    });
    as(users.admin);
    const [dissolved] = await db.db.update(branches).set({ dissolvedOn: '2026-06-30' }).where(eq(branches.code, 'U01-B2')).returning();
    try {
      expect(await stateOf(saveRecordDraftAction, await recordForm(db.db, 'U01-B2', { heldOn: '2026-07-01' }))).toMatchObject({ status: 400, fieldErrors: { heldOn: [expect.stringContaining('撤销')] } });
      expect((await submit(saveRecordDraftAction, await recordForm(db.db, 'U01-B2', { heldOn: '2026-06-20' }))).kind).toBe('redirect');
    } finally {
      await db.db.update(branches).set({ dissolvedOn: null }).where(eq(branches.id, dissolved!.id));
    }
  });

  it('refuses an upload that is not what it claims, and keeps a real PDF', async () => {
    as(users.secretary);
    const fake = await recordForm(db.db, 'U01-B1');
    fake.set('newAttachment_0', fileOf(html(), '签到表.pdf', 'application/pdf'));
    expect(await stateOf(saveRecordDraftAction, fake)).toMatchObject({ status: 400, fieldErrors: { newAttachment: [expect.stringContaining('不是完整的 PDF')] } });

    const real = await recordForm(db.db, 'U01-B1');
    real.set('newAttachment_0', fileOf(pdf(), '签到表.docx'));
    const outcome = await submit(saveRecordDraftAction, real);
    const detail = await getRecord(users.secretary, idFrom((outcome as { url: string }).url));
    expect(detail?.attachments.map((a) => [a.name, a.kind])).toEqual([['签到表.pdf', 'pdf']]);
  });

  it("frees the stored file of an attachment taken off a draft or of a deleted draft, and keeps a corrected record's", async () => {
    as(users.secretary);
    const withFile = async (values: Record<string, string | number>, name: string) => {
      const submission = await recordForm(db.db, 'U01-B1', values);
      submission.set('newAttachment_0', fileOf(pdf(), `${name}.pdf`));
      return submission;
    };
    const keysOf = async (id: number) => (await db.db.select().from(activityRecordAttachments).where(eq(activityRecordAttachments.recordId, id))).map((a) => ({ id: a.id, key: a.storageKey }));

    // Taken off a draft: no version names it, so its file goes.
    const first = idFrom(((await submit(saveRecordDraftAction, await withFile({}, '签到表一'))) as { url: string }).url);
    const [one] = await keysOf(first);
    expect(await storedBytes(one!.key)).not.toBeNull();
    const row = await recordRow(db.db, first);
    const removal = await recordForm(db.db, 'U01-B1', { id: first, version: row.version, [`removeAttachment_${one!.id}`]: 'on' });
    expect((await submit(saveRecordDraftAction, removal)).kind).toBe('redirect');
    expect(await keysOf(first)).toEqual([]);
    expect(await storedBytes(one!.key)).toBeNull();

    // A deleted draft takes its files along.
    const second = idFrom(((await submit(saveRecordDraftAction, await withFile({}, '签到表二'))) as { url: string }).url);
    const [two] = await keysOf(second);
    expect(await submit(deleteRecordDraftAction, form({ id: second, version: (await recordRow(db.db, second)).version }))).toMatchObject({ kind: 'redirect' });
    expect(await storedBytes(two!.key)).toBeNull();

    // A correction that drops an attachment keeps the file: the earlier version still names it.
    const third = idFrom(((await submit(submitRecordAction, await withFile({}, '签到表三'))) as { url: string }).url);
    const [three] = await keysOf(third);
    const submitted = await recordRow(db.db, third);
    const correction = await recordForm(db.db, 'U01-B1', { id: third, version: submitted.version, reason: '附件上传错误', [`removeAttachment_${three!.id}`]: 'on' });
    expect((await submit(correctRecordAction, correction)).kind).toBe('redirect');
    expect(await keysOf(third)).toEqual([]);
    expect(await storedBytes(three!.key)).not.toBeNull();
  });
});

describe('scope', () => {
  it('answers 403 for a write to another unit’s record, with no audit row and no change', async () => {
    const theirs = await draftIn(db.db, 'U02-B1');
    as(users.secretary);
    const since = await lastAuditId(db.db);
    const state = await stateOf(saveRecordDraftAction, await recordForm(db.db, 'U02-B1', { id: theirs.id, version: theirs.version, topic: '越权修改' }));
    expect(state).toMatchObject({ ok: false, status: 403 });
    expect(await recordRow(db.db, theirs.id)).toEqual(theirs);
    expect(await stateOf(deleteRecordDraftAction, form({ id: theirs.id, version: theirs.version }))).toMatchObject({ status: 403 });
    expect(await recordRow(db.db, theirs.id)).toEqual(theirs);
    // A new record on another unit's node is refused the same way.
    expect(await stateOf(submitRecordAction, await recordForm(db.db, 'U02-B1'))).toMatchObject({ status: 403 });
    expect(await auditRowsAfter(db.db, since)).toEqual([]);
  });

  it('lets the second secretary write in the 财政局 unit and nowhere else', async () => {
    as(users.secretary2);
    expect((await submit(saveRecordDraftAction, await recordForm(db.db, 'U02-B1'))).kind).toBe('redirect');
    expect(await stateOf(saveRecordDraftAction, await recordForm(db.db, 'U01-B1'))).toMatchObject({ status: 403 });
  });

  it('refuses the auditor every write, and lets the admin write anywhere', async () => {
    as(users.auditor);
    expect(await stateOf(saveRecordDraftAction, await recordForm(db.db, 'U01-B1'))).toMatchObject({ status: 403 });
    as(users.admin);
    expect((await submit(submitRecordAction, await recordForm(db.db, 'U02-B1'))).kind).toBe('redirect');
  });

  it('deletes a draft but never a submitted record', async () => {
    as(users.secretary);
    const draft = await draftIn(db.db, 'U01-B1');
    expect(await submit(deleteRecordDraftAction, form({ id: draft.id, version: draft.version }))).toEqual({ kind: 'redirect', url: '/admin/records?deleted=1' });
    expect(await db.db.select().from(activityRecords).where(eq(activityRecords.id, draft.id))).toEqual([]);
    const record = await submittedIn(db.db, 'U01-B1');
    expect(await stateOf(deleteRecordDraftAction, form({ id: record.id, version: record.version }))).toMatchObject({ status: 409 });
  });
});

