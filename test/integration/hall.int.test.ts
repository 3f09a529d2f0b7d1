// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hallRegistrations, hallSessions } from '@/db/schema/lectures';
import type { SessionUser } from '@/lib/auth/sessions';
import { confirmHallAttendanceAction, createHallSessionAction, deleteHallSessionAction, setHallRegistrationsAction, updateHallSessionAction } from '@/lib/hall/actions';
import { findHallSessionForAdmin, listHallRegistrations, listHallSessionsForAdmin } from '@/lib/hall/queries';
import { attendedField, REGISTRATION_LIST_CAP } from '@/lib/hall/schemas';
import { auditRowsAfter, type FormAction, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { attendanceForm, HALL_BRANCH, hallSessionIn, isRegistered, membersOf, registerIn, registrationForm, registrationsOf } from './hall-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The 大讲堂 through the real actions and queries on the seeded demo: sessions (admin), a unit's
// registrations until the session starts within the hall's capacity, attendance confirmed after
// it; who may do what (403 without an audit row) and what each reader sees.

const db = withDemoDatabase();
const users = {} as Record<'admin' | 'editor' | 'secretary' | 'secretary2' | 'auditor', SessionUser>;
beforeAll(async () => {
  for (const name of ['admin', 'editor', 'secretary', 'secretary2', 'auditor'] as const) users[name] = await signedIn(db.db, name);
});
const as = (user: SessionUser) => (session.user = user);
const sessionRow = async (id: number) => (await db.db.select().from(hallSessions).where(eq(hallSessions.id, id)))[0]!;

async function expectRefused(action: FormAction, data: FormData, status: number, message?: RegExp) {
  const since = await lastAuditId(db.db);
  const state = await stateOf(action, data);
  expect(state).toMatchObject({ ok: false, status });
  if (message) expect(JSON.stringify(state)).toMatch(message);
  expect(await auditRowsAfter(db.db, since)).toEqual([]);
  return state;
}

const validSession = { series: 'monthly', day: '2030-05-20', time: '14:30', theme: '学习贯彻党的创新理论', speaker: '市委党校教授', place: '市级机关会议中心', capacity: '300', classHours: '2' };

describe('sessions', () => {
  it('an admin creates one at Beijing time and edits it; bad input is answered beside its field', async () => {
    as(users.admin);
    const created = await submit(createHallSessionAction, form(validSession));
    expect(created).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/hall\/\d+\?created=1$/) });
    const id = Number((created as { url: string }).url.match(/hall\/(\d+)/)![1]);
    const row = await sessionRow(id);
    expect(row.startsAt.toISOString()).toBe('2030-05-20T06:30:00.000Z');
    expect(row).toMatchObject({ capacity: 300, classHours: 2, series: 'monthly' });

    const bad = await stateOf(createHallSessionAction, form({ ...validSession, day: '2030-02-30', time: '25:00', capacity: '0', classHours: '1.3', articleId: '99999999', theme: '' }));
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors).toMatchObject({ day: [expect.stringMatching(/日期/)], time: [expect.stringMatching(/时间/)], capacity: [expect.stringMatching(/至少为 1/)], classHours: [expect.stringMatching(/0\.5/)], theme: [expect.stringMatching(/主题/)] });
    const unknownArticle = await stateOf(createHallSessionAction, form({ ...validSession, articleId: '99999999' }));
    expect(unknownArticle.fieldErrors?.articleId?.[0]).toMatch(/没有该编号的文章/);

    const updated = await stateOf(updateHallSessionAction, form({ ...validSession, id, version: row.version, place: '市委党校报告厅' }));
    expect(updated).toMatchObject({ ok: true });
    // A stale version is refused.
    await expectRefused(updateHallSessionAction, form({ ...validSession, id, version: row.version, place: '别处' }), 409, /已被他人修改/);
  });

  it('a session with registrations cannot be deleted, nor shrunk below them', async () => {
    const s = await hallSessionIn(db.db, { inDays: 20, capacity: 10 });
    const members = await membersOf(db.db, HALL_BRANCH);
    await registerIn(db.db, s.id, members.slice(0, 3).map((m) => m.id));
    as(users.admin);
    await expectRefused(deleteHallSessionAction, form({ id: s.id, version: s.version }), 409, /已有 3 人报名/);
    const shrunk = await stateOf(updateHallSessionAction, form({ ...validSession, id: s.id, version: s.version, capacity: '2' }));
    expect(shrunk.fieldErrors?.capacity?.[0]).toMatch(/容量不能少于报名人数/);
  });
});

describe('registrations', () => {
  it('a secretary registers and takes off members of their branch; the list shows them only their own', async () => {
    const s = await hallSessionIn(db.db, { inDays: 5 });
    const members = await membersOf(db.db, HALL_BRANCH);
    const [a, b] = members;
    as(users.secretary);
    expect(await stateOf(setHallRegistrationsAction, await registrationForm(db.db, s.id, HALL_BRANCH, [a!.id, b!.id]))).toMatchObject({ ok: true, message: '报名已更新：新增 2 人，取消 0 人。' });
    expect(await stateOf(setHallRegistrationsAction, await registrationForm(db.db, s.id, HALL_BRANCH, [a!.id]))).toMatchObject({ ok: true, message: '报名已更新：新增 0 人，取消 1 人。' });
    expect(await isRegistered(db.db, s.id, a!.id)).toBe(true);
    expect(await isRegistered(db.db, s.id, b!.id)).toBe(false);

    // Someone of another unit registered by the admin is invisible to the secretary.
    const [other] = await membersOf(db.db, 'U02-B1');
    await registerIn(db.db, s.id, [other!.id]);
    expect((await listHallRegistrations(users.secretary, s.id)).map((r) => r.personId)).toEqual([a!.id]);
    expect((await listHallRegistrations(users.admin, s.id)).map((r) => r.personId).sort()).toEqual([a!.id, other!.id].sort());
    expect(await findHallSessionForAdmin(users.secretary, s.id)).toMatchObject({ registered: 1, totalRegistered: 2 });
  });

  it('refuses another branch (403, no audit row), people outside the node, a full hall and a started session', async () => {
    const s = await hallSessionIn(db.db, { inDays: 5, capacity: 2 });
    const members = await membersOf(db.db, HALL_BRANCH);
    as(users.secretary2);
    await expectRefused(setHallRegistrationsAction, await registrationForm(db.db, s.id, HALL_BRANCH, [members[0]!.id]), 403);
    as(users.editor);
    await expectRefused(setHallRegistrationsAction, await registrationForm(db.db, s.id, HALL_BRANCH, [members[0]!.id]), 403);

    as(users.secretary);
    const [outsider] = await membersOf(db.db, 'U02-B1');
    await expectRefused(setHallRegistrationsAction, await registrationForm(db.db, s.id, HALL_BRANCH, [outsider!.id]), 400, /不属于该组织/);
    const full = await expectRefused(setHallRegistrationsAction, await registrationForm(db.db, s.id, HALL_BRANCH, members.slice(0, 3).map((m) => m.id)), 400);
    expect(full.fieldErrors?.nodeId?.[0]).toBe('名额不足：本场容量 2 人，本次最多还能报名 2 人。');
    expect(await registrationsOf(db.db, s.id)).toEqual([]);

    const started = await hallSessionIn(db.db, { inDays: -0.01 });
    await expectRefused(setHallRegistrationsAction, await registrationForm(db.db, started.id, HALL_BRANCH, [members[0]!.id]), 409, /报名已截止/);
  });
});

describe('attendance', () => {
  it('after the session the admin marks who came; before it, nobody can', async () => {
    const members = await membersOf(db.db, HALL_BRANCH);
    const upcoming = await hallSessionIn(db.db, { inDays: 3 });
    const [early] = await registerIn(db.db, upcoming.id, [members[0]!.id]);
    as(users.admin);
    await expectRefused(confirmHallAttendanceAction, attendanceForm(upcoming.id, upcoming.version, [early!.id]), 409, /尚未开始/);

    const past = await hallSessionIn(db.db, { inDays: -2, theme: '已举行的场次' });
    const regs = await registerIn(db.db, past.id, members.slice(0, 3).map((m) => m.id));
    as(users.secretary);
    await expectRefused(confirmHallAttendanceAction, attendanceForm(past.id, past.version, [regs[0]!.id]), 403);
    as(users.admin);
    const all = regs.map((r) => r.id);
    expect(await stateOf(confirmHallAttendanceAction, attendanceForm(past.id, past.version, [regs[0]!.id, regs[2]!.id], all))).toMatchObject({ ok: true, message: expect.stringContaining('出席 2 人，缺席 1 人') });
    const marks = new Map((await registrationsOf(db.db, past.id)).map((r) => [r.id, r.attended]));
    expect([marks.get(regs[0]!.id), marks.get(regs[1]!.id), marks.get(regs[2]!.id)]).toEqual([true, false, true]);
    // The page the admin confirmed from is now stale.
    await expectRefused(confirmHallAttendanceAction, attendanceForm(past.id, past.version, [], all), 409, /已被他人修改/);

    const listed = await listHallSessionsForAdmin(users.admin, { when: 'past' });
    expect(listed.items.find((i) => i.id === past.id)).toMatchObject({ registered: 3, attended: 2 });
  });

  it('marks only the registrations the form listed, and the audit row names whose mark changed', async () => {
    const members = await membersOf(db.db, HALL_BRANCH);
    const s = await hallSessionIn(db.db, { inDays: -1 });
    const [came, cameBefore, leftEarly] = await registerIn(db.db, s.id, members.slice(0, 3).map((m) => m.id));
    // Beyond the form's list (a hall past REGISTRATION_LIST_CAP): one already marked present, one not yet marked.
    const [unlistedPresent] = await registerIn(db.db, s.id, [members[3]!.id], true);
    const [unlistedOpen] = await registerIn(db.db, s.id, [members[4]!.id]);
    await db.db.update(hallRegistrations).set({ attended: true }).where(inArray(hallRegistrations.id, [cameBefore!.id, leftEarly!.id]));
    as(users.admin);
    const since = await lastAuditId(db.db);
    const shown = [came!.id, cameBefore!.id, leftEarly!.id];
    expect(await stateOf(confirmHallAttendanceAction, attendanceForm(s.id, s.version, [came!.id, cameBefore!.id], shown))).toMatchObject({ ok: true, message: expect.stringContaining('出席 2 人，缺席 1 人') });
    const marks = new Map((await registrationsOf(db.db, s.id)).map((r) => [r.id, r.attended]));
    expect([came, cameBefore, leftEarly, unlistedPresent, unlistedOpen].map((r) => marks.get(r!.id))).toEqual([true, true, false, true, null]);
    const [row] = await auditRowsAfter(db.db, since);
    expect(row).toMatchObject({ action: 'hall.attendance', entityId: String(s.id), after: { attended: 2, absent: 1, markedPresent: [came!.personId], markedAbsent: [leftEarly!.personId] } });
  });

  it('refuses a form whose list is missing, tampered with or of another session, before anything is marked', async () => {
    const members = await membersOf(db.db, HALL_BRANCH);
    const s = await hallSessionIn(db.db, { inDays: -1 });
    const [a, b] = await registerIn(db.db, s.id, members.slice(0, 2).map((m) => m.id));
    const other = await hallSessionIn(db.db, { inDays: -1 });
    const [elsewhere] = await registerIn(db.db, other.id, [members[2]!.id]);
    as(users.admin);
    const withoutList = form({ sessionId: s.id, version: s.version, [attendedField(a!.id)]: 'on' });
    expect((await expectRefused(confirmHallAttendanceAction, withoutList, 400)).fieldErrors?.shown?.[0]).toMatch(/刷新页面/);
    // Ticked but not listed, a list of junk or of ids past the integer column: field errors, not a 500.
    await expectRefused(confirmHallAttendanceAction, attendanceForm(s.id, s.version, [a!.id, b!.id], [a!.id]), 400);
    await expectRefused(confirmHallAttendanceAction, attendanceForm(s.id, s.version, [], [a!.id, 3_000_000_000]), 400);
    const tooMany = Array.from({ length: REGISTRATION_LIST_CAP + 1 }, (_, i) => i + 1);
    expect((await expectRefused(confirmHallAttendanceAction, attendanceForm(s.id, s.version, [], tooMany), 400)).fieldErrors?.shown?.[0]).toMatch(/最多确认 1000 人/);
    // Another session's registration in the list: the roster changed under the form.
    await expectRefused(confirmHallAttendanceAction, attendanceForm(s.id, s.version, [a!.id], [a!.id, elsewhere!.id]), 409, /报名名单已变化/);
    expect((await registrationsOf(db.db, s.id)).map((r) => r.attended)).toEqual([null, null]);
  });
});
