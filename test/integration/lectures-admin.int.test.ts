import { revalidatePath, session } from './setup/request-mocks';
import { beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import {
  createLectureAction,
  createLecturerAction,
  setLecturePublishedAction,
  setLecturerListedAction,
  setLectureShowcaseAction,
  updateLectureAction,
  updateLecturerAction,
} from '@/lib/lectures/actions';
import { findLectureForAdmin, listLecturersForAdmin, listLecturesForAdmin } from '@/lib/lectures/admin-queries';
import { listCatalog } from '@/lib/lectures/queries';
import { auditRowsAfter, demoUsername, form, lastAuditId, signedIn, submit } from './auth-fixtures';
import { isShowcased, lectureForm, lectureRow, lecturerRow } from './lectures-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The catalog's administration beyond the role matrix: bad input answered next to the field,
// the rules of publication and the yearly lists, stale forms, search text kept in step, contact
// details kept out of the trail, the admin reads closed to other roles, the public pages dropped.

const db = withDemoDatabase();
const actors = {} as Record<Role, SessionUser>;

beforeAll(async () => {
  for (const role of roles) actors[role] = await signedIn(db.db, demoUsername[role]);
  session.user = actors.admin;
});

const stateOf = async (action: Parameters<typeof submit>[0], values: Record<string, string | number>) => {
  const outcome = await submit(action, form(values));
  if (outcome.kind !== 'state') throw new Error(`expected a state, got a redirect to ${outcome.url}`);
  return outcome.state;
};

describe('lecture administration', () => {
  it('answers bad input next to each field, in Chinese, and writes nothing', async () => {
    const before = await lastAuditId(db.db);
    const lecturer = await stateOf(createLecturerAction, { name: '', unitName: '', phone: 'abc', email: 'not-an-email' });
    expect(lecturer).toMatchObject({ ok: false, status: 400 });
    expect(Object.keys(lecturer.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'phone', 'unitName']);
    expect(lecturer.fieldErrors?.email).toEqual(['请填写有效的邮箱地址。']);

    const lecture = await stateOf(createLectureAction, { title: '', theme: 'astrology', format: 'classroom', lecturerId: '', durationMinutes: 5 });
    expect(Object.keys(lecture.fieldErrors ?? {}).sort()).toEqual(['durationMinutes', 'format', 'lecturerId', 'theme', 'title']);
    expect(lecture.fieldErrors?.durationMinutes).toEqual(['时长不能少于 10 分钟。']);
    const unknown = await stateOf(createLectureAction, lectureForm(999_999));
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { lecturerId: ['所选讲师不存在，请重新选择。'] } });
    expect(await auditRowsAfter(db.db, before)).toEqual([]);
  });

  it('creates a lecture unpublished; publishing shows it in the catalog and drops the public pages', async () => {
    const lecturer = await lecturerRow(db.db, '贺俊达');
    const outcome = await submit(createLectureAction, form(lectureForm(lecturer.id, '支部工作台账怎样记')));
    expect(outcome.kind).toBe('redirect');
    const created = await lectureRow(db.db, '支部工作台账怎样记');
    expect(created.published).toBe(false);
    expect((await listCatalog({ q: '台账' })).items).toEqual([]);

    revalidatePath.mockClear();
    expect(await stateOf(setLecturePublishedAction, { id: created.id, published: 'true' })).toMatchObject({ ok: true });
    expect((await listCatalog({ q: '台账' })).items.map((l) => l.id)).toEqual([created.id]);
    expect(revalidatePath.mock.calls).toEqual(
      expect.arrayContaining([['/'], ['/(public)/lectures/[[...path]]', 'layout'], ['/(public)/lecturers/[[...path]]', 'layout']]),
    );
  });

  it('refuses to publish a lecture of an inactive lecturer, or to showcase an unpublished one', async () => {
    const draft = await lectureRow(db.db, '党内法规学习要点');
    await stateOf(setLecturePublishedAction, { id: draft.id, published: 'false' });
    expect(await stateOf(setLectureShowcaseAction, { lectureId: draft.id, year: 2026, showcase: 'true' })).toMatchObject({ ok: false, message: '请先公开该党课，再列入精品党课名单。' });
    expect(await isShowcased(db.db, draft.id, 2026)).toBe(false);

    const lin = await lecturerRow(db.db, '林书瑶');
    expect(await stateOf(updateLecturerAction, { id: lin.id, version: lin.version, name: lin.name, unitName: lin.unitName })).toMatchObject({ ok: true });
    expect((await lecturerRow(db.db, '林书瑶')).inPool).toBe(false);
    expect(await stateOf(setLecturePublishedAction, { id: draft.id, published: 'true' })).toMatchObject({ ok: false, message: '主讲人已停用，公开前请先启用讲师或更换主讲人。' });
    expect(await stateOf(setLecturerListedAction, { lecturerId: lin.id, year: 2027, listed: 'true' })).toMatchObject({ ok: false });
  });

  it('refuses a stale form and keeps the search text in step with a renamed lecturer', async () => {
    const lu = await lecturerRow(db.db, '陆文渊');
    expect(await stateOf(updateLecturerAction, { id: lu.id, version: lu.version + 1, name: '陆文渊', unitName: lu.unitName, inPool: 'on' })).toMatchObject({
      ok: false,
      message: '该讲师已被他人修改，请刷新页面后再保存。',
    });
    expect(await stateOf(updateLecturerAction, { id: lu.id, version: lu.version, name: '陆文远', unitName: lu.unitName, inPool: 'on', phone: '0513-8000 1111' })).toMatchObject({ ok: true });
    expect((await listCatalog({ q: '陆文远' })).items.length).toBe(2);
    expect((await listCatalog({ q: '陆文渊' })).items).toEqual([]);

    const lecture = await lectureRow(db.db, '新任支部书记第一课');
    expect(await stateOf(updateLectureAction, { ...lectureForm(lecture.lecturerId, '新任支部书记必修课'), id: lecture.id, version: lecture.version })).toMatchObject({ ok: true });
    expect((await listCatalog({ q: '必修课' })).items.map((l) => l.id)).toEqual([lecture.id]);
  });

  it('records that contact details changed, never their values', async () => {
    const before = await lastAuditId(db.db);
    const he = await lecturerRow(db.db, '贺俊达');
    await stateOf(updateLecturerAction, { id: he.id, version: he.version, name: he.name, unitName: he.unitName, inPool: 'on', phone: '0513-8999 0000', email: 'he@jz-organs.example.cn' });
    const rows = await auditRowsAfter(db.db, before);
    expect(rows.map((r) => r.action)).toEqual(['lecturer.update']);
    expect(JSON.stringify(rows)).not.toMatch(/8999|he@jz/);
    expect(JSON.stringify(rows)).toContain('"contactChanged":true');
  });

  it('opens the admin lists to admins only', async () => {
    expect((await listLecturersForAdmin(actors.admin)).some((l) => l.phone)).toBe(true);
    expect((await listLecturesForAdmin(actors.admin)).length).toBeGreaterThan(15);
    for (const role of roles.filter((r) => r !== 'admin')) {
      await expect(listLecturersForAdmin(actors[role])).rejects.toMatchObject({ code: 'forbidden' });
      await expect(findLectureForAdmin(actors[role], 1)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
