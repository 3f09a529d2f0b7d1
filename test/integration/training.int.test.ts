import './setup/request-mocks';
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { committeePositions, people } from '@/db/schema/people';
import { trainees, trainingAttendance, trainingRounds, trainingSessions } from '@/db/schema/training';
import { roles, type Role } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { branchSubtree } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import {
  completeTraineeAction,
  createRoundAction,
  createSessionAction,
  enrolPeopleAction,
  enrolUnitAction,
  importAttendanceAction,
  previewImportAction,
  recordAttendanceAction,
  updateRoundAction,
  updateSessionAction,
} from '@/lib/training/actions';
import { GET as certificatesCsv } from '@/app/(admin)/admin/training/rounds/[id]/certificates.csv/route';
import { GET as certificatesXlsxRoute } from '@/app/(admin)/admin/training/rounds/[id]/certificates.xlsx/route';
import type { MatchReport } from '@/lib/training/import-match';
import { getRoundDetail, listCertificates, listRounds } from '@/lib/training/rounds-queries';
import { auditRowsAfter, beforeAnyCommits, branchIdOf, demoUsername, form, lastAuditId, signedIn, stateOf, submit } from './auth-fixtures';
import { session } from './setup/request-mocks';
import { withDemoDatabase } from './setup/demo-database';
import { attend, HOME, inDays, personIn, roundIn, sessionIn, sheetForm, traineeIn, traineeRow } from './training-fixtures';

const db = withDemoDatabase();
const as = {} as Record<Role, SessionUser>;

beforeAll(async () => {
  for (const role of roles) as[role] = await signedIn(db.db, demoUsername[role]);
});

const counts = async () => {
  const [[r], [s], [t], [a]] = await Promise.all([
    db.db.select({ n: count() }).from(trainingRounds),
    db.db.select({ n: count() }).from(trainingSessions),
    db.db.select({ n: count() }).from(trainees),
    db.db.select({ n: count() }).from(trainingAttendance),
  ]);
  return { rounds: r!.n, sessions: s!.n, trainees: t!.n, attendance: a!.n };
};

/** Runs `action` as `role` and checks it was refused: the message or field error, nothing written, no audit row. */
async function refused(role: Role, action: Parameters<typeof stateOf>[0], data: FormData, expected: { field?: string; message: RegExp | string; status?: number }) {
  session.user = as[role];
  const before = await counts();
  const lastAudit = await lastAuditId(db.db);
  const state = await stateOf(action, data);
  expect(state.ok).toBe(false);
  if (expected.status) expect(state.status).toBe(expected.status);
  const text = expected.field ? state.fieldErrors?.[expected.field]?.join(' ') : state.message;
  expect(text, JSON.stringify(state)).toMatch(expected.message);
  expect(await counts()).toEqual(before);
  expect(await auditRowsAfter(db.db, lastAudit)).toEqual([]);
  return state;
}

const roundValues = { name: '测试轮训班', kind: 'rotation', audience: 'secretaries', startsOn: '2026-03-01', endsOn: '2026-03-05', requiredHours: '8', organizer: '市委市级机关工委' };

describe('rounds', () => {
  it('creates a round and refuses bad dates and hours next to their fields', async () => {
    session.user = as.admin;
    const outcome = await submit(createRoundAction, form(roundValues));
    expect(outcome).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/training\/rounds\/\d+\?created=1$/) });
    await refused('admin', createRoundAction, form({ ...roundValues, endsOn: '2026-02-28' }), { field: 'endsOn', message: '结束日期不能早于开始日期。' });
    await refused('admin', createRoundAction, form({ ...roundValues, requiredHours: '0' }), { field: 'requiredHours', message: '结业所需学时须大于 0。' });
    await refused('admin', createRoundAction, form({ ...roundValues, kind: 'webinar' }), { field: 'kind', message: '请选择培训类型。' });
  });

  it("refuses to move a round's dates away from its sessions", async () => {
    const round = await roundIn(db.db, { startsOn: '2026-04-01', endsOn: '2026-04-10' });
    await sessionIn(db.db, round, { heldOn: '2026-04-08' });
    await refused('admin', updateRoundAction, form({ ...roundValues, id: round.id, version: round.version, startsOn: '2026-04-01', endsOn: '2026-04-05' }), { field: 'startsOn', message: /2026-04-08/ });
  });

  it('lists newest first in keyset pages, filtered by year, kind and audience', async () => {
    const a = await roundIn(db.db, { kind: 'thematic', startsOn: '2031-05-01', endsOn: '2031-05-02' });
    const b = await roundIn(db.db, { kind: 'thematic', startsOn: '2031-06-01', endsOn: '2031-06-02' });
    const c = await roundIn(db.db, { kind: 'thematic', startsOn: '2031-07-01', endsOn: '2031-07-02' });
    const first = await listRounds(as.admin, { year: 2031, kind: 'thematic', pageSize: 2 });
    expect(first.items.map((r) => r.id)).toEqual([c.id, b.id]);
    const second = await listRounds(as.admin, { year: 2031, kind: 'thematic', pageSize: 2, cursor: first.next! });
    expect(second.items.map((r) => r.id)).toEqual([a.id]);
    expect((await listRounds(as.admin, { year: 2031, kind: 'online' })).items).toEqual([]);
    expect((await listRounds(as.auditor, { year: 2031 })).items).toHaveLength(3);
  });

  it('shows a secretary the rounds with their people and the open ones, and only their trainees', async () => {
    const ended = await roundIn(db.db, { startsOn: '2025-01-01', endsOn: '2025-01-03' });
    const endedMine = await roundIn(db.db, { startsOn: '2025-01-04', endsOn: '2025-01-06' });
    const mine = await personIn(db.db, HOME);
    const theirs = await personIn(db.db, 'U02-B1');
    await traineeIn(db.db, endedMine, mine);
    await traineeIn(db.db, endedMine, theirs);
    const open = await roundIn(db.db, { startsOn: inDays(-1), endsOn: inDays(10) });
    const seen = (await listRounds(as.branch_secretary, { year: 2025, pageSize: 200 })).items.map((r) => r.id);
    expect(seen).toContain(endedMine.id);
    expect(seen).not.toContain(ended.id);
    // Counts follow the reader's scope too.
    expect((await listRounds(as.branch_secretary, { year: 2025, pageSize: 200 })).items.find((r) => r.id === endedMine.id)).toMatchObject({ trainees: 1, completed: 0 });
    expect((await listRounds(as.admin, { year: 2025, pageSize: 200 })).items.find((r) => r.id === endedMine.id)).toMatchObject({ trainees: 2, completed: 0 });
    expect((await listRounds(as.branch_secretary, { pageSize: 5 })).items.map((r) => r.id)).toContain(open.id);
    const detail = await getRoundDetail(as.branch_secretary, endedMine.id);
    expect(detail!.trainees.items.map((t) => t.personId)).toEqual([mine.id]);
    expect(await getRoundDetail(as.branch_secretary, ended.id)).toBeNull();
    expect((await getRoundDetail(as.admin, endedMine.id))!.trainees.total).toBe(2);
  });
});

describe('sessions', () => {
  it('adds a session inside the round and refuses one outside it or with bad hours', async () => {
    const round = await roundIn(db.db, { startsOn: '2026-05-10', endsOn: '2026-05-12' });
    const values = { roundId: round.id, heldOn: '2026-05-11', hours: '3.5', topic: '党章学习', teacher: '王老师' };
    session.user = as.admin;
    expect(await submit(createSessionAction, form(values))).toMatchObject({ kind: 'redirect' });
    await refused('admin', createSessionAction, form({ ...values, heldOn: '2026-05-13' }), { field: 'heldOn', message: '课次日期须在培训班的日期之内（2026-05-10 至 2026-05-12）。' });
    await refused('admin', createSessionAction, form({ ...values, hours: '0' }), { field: 'hours', message: '学时须大于 0。' });
    await refused('admin', createSessionAction, form({ ...values, hours: '-2' }), { field: 'hours', message: '学时须大于 0。' });
    await refused('admin', createSessionAction, form({ ...values, hours: '24.5' }), { field: 'hours', message: '学时不能超过一天（24 学时）。' });
  });

  it('the database itself refuses a session outside its round', async () => {
    const round = await roundIn(db.db, { startsOn: '2026-05-10', endsOn: '2026-05-12' });
    await expect(sessionIn(db.db, round, { heldOn: '2026-06-01' })).rejects.toThrow();
  });
});

describe('hours and attendance (kept by the trigger)', () => {
  it("sums the hours of the sessions attended, and follows a change of a session's hours", async () => {
    const round = await roundIn(db.db, { requiredHours: 8 });
    const s1 = await sessionIn(db.db, round, { hours: 3 });
    const s2 = await sessionIn(db.db, round, { hours: 4, heldOn: inDays(-29) });
    const t = await traineeIn(db.db, round, await personIn(db.db, HOME));
    const other = await traineeIn(db.db, round, await personIn(db.db, HOME));
    session.user = as.admin;
    expect(await stateOf(recordAttendanceAction, form({ sessionId: s1.id, version: s1.version, shown: `${t.id},${other.id}`, present: `${t.id},${other.id}` }))).toMatchObject({ ok: true });
    expect(await stateOf(recordAttendanceAction, form({ sessionId: s2.id, version: s2.version, shown: `${t.id},${other.id}`, present: String(t.id) }))).toMatchObject({ ok: true });
    expect((await traineeRow(db.db, t.id)).attendedHours).toBe(7);
    expect((await traineeRow(db.db, other.id)).attendedHours).toBe(3);

    const [fresh] = await db.db.select().from(trainingSessions).where(eq(trainingSessions.id, s2.id));
    expect(await stateOf(updateSessionAction, form({ roundId: round.id, id: s2.id, version: fresh!.version, heldOn: fresh!.heldOn, hours: '5.5', topic: fresh!.topic }))).toMatchObject({ ok: true });
    expect((await traineeRow(db.db, t.id)).attendedHours).toBe(8.5);

    // Unticking removes the hours again.
    const [s1now] = await db.db.select().from(trainingSessions).where(eq(trainingSessions.id, s1.id));
    expect(await stateOf(recordAttendanceAction, form({ sessionId: s1.id, version: s1now!.version, shown: `${t.id},${other.id}`, present: String(other.id) }))).toMatchObject({ ok: true });
    expect((await traineeRow(db.db, t.id)).attendedHours).toBe(5.5);
    expect((await traineeRow(db.db, other.id)).attendedHours).toBe(3);
  });

  it('refuses attendance for someone not enrolled in the round, and a stale form', async () => {
    const round = await roundIn(db.db);
    const elsewhere = await roundIn(db.db);
    const s = await sessionIn(db.db, round);
    const stranger = await traineeIn(db.db, elsewhere, await personIn(db.db, HOME));
    await refused('admin', recordAttendanceAction, form({ sessionId: s.id, version: s.version, shown: String(stranger.id), present: String(stranger.id) }), { field: 'present', message: '有 1 人未报名本培训班，不能登记出勤；请先报名。' });
    await refused('admin', recordAttendanceAction, form({ sessionId: s.id, version: s.version + 1, present: '' }), { message: /已被他人更新/, status: 409 });
    // The table refuses it too (migration 0018).
    await expect(attend(db.db, s, stranger)).rejects.toThrow();
  });
});

describe('attendance: what the grid showed, from the day on, one writer a round', () => {
  it('changes only the trainees the grid listed, and refuses a tick outside them', async () => {
    const round = await roundIn(db.db);
    const s = await sessionIn(db.db, round, { hours: 2 });
    const [listed, unlisted] = [await traineeIn(db.db, round, await personIn(db.db, HOME)), await traineeIn(db.db, round, await personIn(db.db, HOME))];
    await attend(db.db, s, unlisted);
    session.user = as.admin;
    expect(await stateOf(recordAttendanceAction, form({ sessionId: s.id, version: s.version, shown: String(listed.id), present: '' }))).toMatchObject({ ok: true });
    // The trainee the form never showed keeps their attendance and hours.
    expect((await traineeRow(db.db, unlisted.id)).attendedHours).toBe(2);
    const [now] = await db.db.select().from(trainingSessions).where(eq(trainingSessions.id, s.id));
    await refused('admin', recordAttendanceAction, form({ sessionId: s.id, version: now!.version, shown: String(listed.id), present: `${listed.id},${unlisted.id}` }), {
      field: 'present',
      message: '出勤名单与页面不符，请刷新页面后重新登记。',
    });
  });

  it('refuses attendance and an import before the session is held', async () => {
    const round = await roundIn(db.db);
    const s = await sessionIn(db.db, round, { heldOn: inDays(3) });
    const t = await traineeIn(db.db, round, await personIn(db.db, HOME));
    await refused('admin', recordAttendanceAction, form({ sessionId: s.id, version: s.version, shown: String(t.id), present: String(t.id) }), { message: `该课次定于 ${inDays(3)} 举办，当天起才能登记出勤。` });
  });

  it('keeps both writers\' hours when two sessions of a round are saved at once', async () => {
    const round = await roundIn(db.db);
    const [s1, s2] = [await sessionIn(db.db, round, { hours: 3 }), await sessionIn(db.db, round, { hours: 4, heldOn: inDays(-29) })];
    const t = await traineeIn(db.db, round, await personIn(db.db, HOME));
    const save = (s: typeof s1) => async () => {
      session.user = as.admin;
      return submit(recordAttendanceAction, form({ sessionId: s.id, version: s.version, shown: String(t.id), present: String(t.id) }));
    };
    await beforeAnyCommits(db, 2, () => Promise.all([save(s1)(), save(s2)()]));
    expect((await traineeRow(db.db, t.id)).attendedHours).toBe(7);
  });

  it("refuses a round's first session once trainees were completed with hours by completion", async () => {
    const round = await roundIn(db.db, { kind: 'online', requiredHours: 16 });
    const t = await traineeIn(db.db, round, await personIn(db.db, HOME));
    await db.db.update(trainees).set({ completed: true, completedOn: inDays(-1) }).where(eq(trainees.id, t.id));
    await refused('admin', createSessionAction, form({ roundId: round.id, heldOn: inDays(-2), hours: '2', topic: '补充课程', teacher: '' }), { message: /本班已有 1 名学员按结业计入学时，不能再添加课次/ });
  });
});

describe('completion', () => {
  it('refuses completion below the required hours, quoting the rule, then completes with a unique certificate', async () => {
    const round = await roundIn(db.db, { requiredHours: 6, startsOn: inDays(-10) });
    const s = await sessionIn(db.db, round, { hours: 4 });
    const t = await traineeIn(db.db, round, await personIn(db.db, HOME));
    await attend(db.db, s, t);
    const row = await traineeRow(db.db, t.id);
    await refused('admin', completeTraineeAction, form({ traineeId: t.id, version: row.version, completedOn: todayInBeijing() }), { message: '结业须修满本班规定的 6 学时，该学员已修 4 学时，不能结业。' });

    const s2 = await sessionIn(db.db, round, { hours: 2, heldOn: inDays(-9) });
    await attend(db.db, s2, t);
    session.user = as.admin;
    const done = await stateOf(completeTraineeAction, form({ traineeId: t.id, version: row.version, completedOn: todayInBeijing(), certificateNo: '' }));
    expect(done, done.message).toMatchObject({ ok: true });
    const completed = await traineeRow(db.db, t.id);
    expect(completed).toMatchObject({ completed: true, completedOn: todayInBeijing(), certificateNo: expect.stringMatching(/^\d{4}-\d{3}-\d{5}$/) });
    expect((await listCertificates(as.admin, round.id))!.items.map((c) => c.certificateNo)).toEqual([completed.certificateNo]);

    const t2 = await traineeIn(db.db, round, await personIn(db.db, HOME));
    await attend(db.db, s, t2);
    await attend(db.db, s2, t2);
    await refused('admin', completeTraineeAction, form({ traineeId: t2.id, version: 1, completedOn: todayInBeijing(), certificateNo: completed.certificateNo! }), { field: 'certificateNo', message: /已被使用/ });
  });

  it('downloads the certificate list as CSV and Excel within the reader\'s scope', async () => {
    const round = await roundIn(db.db, { kind: 'online', requiredHours: 12 });
    const home = await traineeIn(db.db, round, await personIn(db.db, HOME, '证书甲'));
    const away = await traineeIn(db.db, round, await personIn(db.db, 'U02-B1', '证书乙'));
    await db.db.update(trainees).set({ completed: true, completedOn: inDays(-1) }).where(eq(trainees.id, home.id));
    await db.db.update(trainees).set({ completed: true, completedOn: inDays(-1), certificateNo: 'ZS-EXPORT-2' }).where(eq(trainees.id, away.id));
    await db.db.update(trainees).set({ certificateNo: 'ZS-EXPORT-1' }).where(eq(trainees.id, home.id));
    const get = (format: 'csv' | 'xlsx') => (format === 'csv' ? certificatesCsv : certificatesXlsxRoute)(new Request(`http://localhost/admin/training/rounds/${round.id}/certificates.${format}`), { params: Promise.resolve({ id: String(round.id) }) });
    session.user = as.admin;
    const csv = await (await get('csv')).text();
    expect(csv.trim().split('\n').slice(1)).toEqual([expect.stringContaining('ZS-EXPORT-1,证书甲'), expect.stringContaining('ZS-EXPORT-2,证书乙')]);
    expect(csv).toContain(',12,');
    const xlsx = await get('xlsx');
    expect(xlsx.headers.get('content-disposition')).toContain(`certificates-${round.id}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets[0]!.getRow(2).getCell(2).value).toBe('证书甲');
    // A secretary gets their own subtree's people only.
    session.user = as.branch_secretary;
    const own = await (await get('csv')).text();
    expect(own).toContain('证书甲');
    expect(own).not.toContain('证书乙');
    session.user = as.editor;
    expect((await get('xlsx')).status).toBe(403);
  });

  it("completes an online course by the admin's record alone", async () => {
    const round = await roundIn(db.db, { kind: 'online', requiredHours: 12 });
    const t = await traineeIn(db.db, round, await personIn(db.db, HOME));
    session.user = as.admin;
    expect(await stateOf(completeTraineeAction, form({ traineeId: t.id, version: t.version, completedOn: todayInBeijing(), certificateNo: 'WL-2026-001' }))).toMatchObject({ ok: true });
  });
});

describe('enrolment', () => {
  it('enrols the secretaries in post of a unit and everything below it in one step', async () => {
    const round = await roundIn(db.db);
    const unit = await branchIdOf(db.db, 'U01');
    const subtree = await branchSubtree(db.db, unit);
    const today = todayInBeijing();
    const expected = new Set(
      (await db.db.select({ personId: committeePositions.personId, branchId: committeePositions.branchId, position: committeePositions.position, startsOn: committeePositions.startsOn, endsOn: committeePositions.endsOn, endedOn: committeePositions.endedOn }).from(committeePositions))
        .filter((p) => subtree.includes(p.branchId) && p.position === 'secretary' && p.startsOn <= today && p.endsOn >= today && (p.endedOn === null || p.endedOn > today))
        .map((p) => p.personId),
    );
    expect(expected.size).toBeGreaterThan(1);
    session.user = as.admin;
    const state = await stateOf(enrolUnitAction, form({ roundId: round.id, branchId: unit, whom: 'secretaries' }));
    expect(state).toMatchObject({ ok: true, message: `已报名 ${expected.size} 人。` });
    const enrolled = await db.db.select({ personId: trainees.personId }).from(trainees).where(eq(trainees.roundId, round.id));
    expect(new Set(enrolled.map((e) => e.personId))).toEqual(expected);
    // Again: nobody twice.
    expect(await stateOf(enrolUnitAction, form({ roundId: round.id, branchId: unit, whom: 'secretaries' }))).toMatchObject({ ok: true, message: `已报名 0 人，另有 ${expected.size} 人此前已报名。` });
  });

  it('lets a secretary enrol their own subtree, and refuses another unit with 403 and no audit row', async () => {
    const round = await roundIn(db.db);
    session.user = as.branch_secretary;
    expect(await stateOf(enrolUnitAction, form({ roundId: round.id, branchId: await branchIdOf(db.db, HOME), whom: 'secretaries' }))).toMatchObject({ ok: true });
    await refused('branch_secretary', enrolUnitAction, form({ roundId: round.id, branchId: await branchIdOf(db.db, 'U02'), whom: 'secretaries' }), { message: '您没有执行此操作的权限。', status: 403 });
    const outsider = await personIn(db.db, 'U02-B1');
    const insider = await personIn(db.db, HOME);
    await refused('branch_secretary', enrolPeopleAction, form({ roundId: round.id, personIds: `${insider.id},${outsider.id}` }), { message: '您没有执行此操作的权限。', status: 403 });
    expect(await stateOf(enrolPeopleAction, form({ roundId: round.id, personIds: String(insider.id) }))).toMatchObject({ ok: true, message: '已报名 1 人。' });
    await refused('auditor', enrolPeopleAction, form({ roundId: round.id, personIds: String(insider.id) }), { message: '您没有执行此操作的权限。', status: 403 });
    await refused('editor', enrolUnitAction, form({ roundId: round.id, branchId: await branchIdOf(db.db, HOME), whom: 'secretaries' }), { message: '您没有执行此操作的权限。', status: 403 });
  });

  it('lets a secretary enrol only until the round ends; an admin still records a past one', async () => {
    const ended = await roundIn(db.db, { startsOn: inDays(-40), endsOn: inDays(-10) });
    const insider = await personIn(db.db, HOME);
    await refused('branch_secretary', enrolPeopleAction, form({ roundId: ended.id, personIds: String(insider.id) }), { message: `该培训班已于 ${inDays(-10)} 结束，不能再报名。` });
    await refused('branch_secretary', enrolUnitAction, form({ roundId: ended.id, branchId: await branchIdOf(db.db, HOME), whom: 'secretaries' }), { message: `该培训班已于 ${inDays(-10)} 结束，不能再报名。` });
    session.user = as.admin;
    expect(await stateOf(enrolPeopleAction, form({ roundId: ended.id, personIds: String(insider.id) }))).toMatchObject({ ok: true, message: '已报名 1 人。' });
  });
});

describe('import of an attendance sheet', () => {
  async function setup() {
    const round = await roundIn(db.db);
    const s = await sessionIn(db.db, round, { hours: 3 });
    const a = await personIn(db.db, HOME, `导入甲${Math.random().toString(36).slice(2, 6)}`);
    const b = await personIn(db.db, 'U02-B1', `导入乙${Math.random().toString(36).slice(2, 6)}`);
    const ta = await traineeIn(db.db, round, a);
    const tb = await traineeIn(db.db, round, b);
    return { round, s, a, b, ta, tb };
  }
  const preview = async (sessionId: number, text: string, name?: string) => {
    session.user = as.admin;
    const state = await stateOf(previewImportAction, sheetForm({ sessionId }, text, name));
    expect(state, state.message).toMatchObject({ ok: true });
    return { report: JSON.parse(state.data!.preview!) as MatchReport, rows: state.data!.rows! };
  };

  it('previews: unknown, not enrolled, duplicate and ambiguous rows are listed, never guessed; writes nothing but the audit row', async () => {
    const { s, a, b } = await setup();
    const notEnrolled = await personIn(db.db, HOME);
    const before = await counts();
    const { report } = await preview(s.id, `\uFEFF姓名,单位\n${a.name},发改委\n查无此人,财政局\n${notEnrolled.name},\n${b.name},财政局\n${b.name},\n`);
    expect(report.rows.map((r) => r.status)).toEqual(['matched', 'unknown', 'not_enrolled', 'duplicate', 'duplicate']);
    expect(await counts()).toEqual(before);
  });

  it('refuses an import with an unknown name, writing nothing; the fixed sheet imports every row in one go', async () => {
    const { s, a, b, ta, tb } = await setup();
    const bad = await preview(s.id, `姓名,单位\n${a.name},发改委\n查无此人,财政局\n`);
    expect(bad.report.problems).toBe(1);
    await refused('admin', importAttendanceAction, form({ sessionId: s.id, rows: bad.rows }), { field: 'rows', message: /第 3 行 查无此人（财政局）：名册中查无此人/ });
    expect((await traineeRow(db.db, ta.id)).attendedHours).toBe(0);

    const good = await preview(s.id, `姓名,单位\n${a.name},发改委\n${b.name},财政局\n`);
    expect(good.report).toMatchObject({ matched: 2, problems: 0 });
    session.user = as.admin;
    expect(await stateOf(importAttendanceAction, form({ sessionId: s.id, rows: good.rows }))).toMatchObject({ ok: true, message: '已导入出勤 2 人。' });
    expect((await traineeRow(db.db, ta.id)).attendedHours).toBe(3);
    expect((await traineeRow(db.db, tb.id)).attendedHours).toBe(3);
  });

  it('matches by the roster number, and reads XLSX', async () => {
    const { s, a, b, ta } = await setup();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('签到');
    sheet.addRow(['编号', '姓名']);
    sheet.addRow([a.id, a.name]);
    sheet.addRow([b.id, '不是这个人']);
    const buffer = await workbook.xlsx.writeBuffer();
    session.user = as.admin;
    const data = form({ sessionId: s.id });
    data.set('sheet', new File([buffer as ArrayBuffer], 'sheet.xlsx'));
    const state = await stateOf(previewImportAction, data);
    const report = JSON.parse(state.data!.preview!) as MatchReport;
    expect(report.rows.map((r) => [r.status, r.traineeId])).toEqual([
      ['matched', ta.id],
      ['mismatch', null],
    ]);
  });

  it('refuses a sheet without the columns, a wrong file type, and rows tampered on the way back', async () => {
    const { s, a } = await setup();
    session.user = as.admin;
    await refused('admin', previewImportAction, sheetForm({ sessionId: s.id }, '名单\n张三\n'), { field: 'sheet', message: /“姓名”列/ });
    await refused('admin', previewImportAction, sheetForm({ sessionId: s.id }, 'x', 'sheet.txt'), { field: 'sheet', message: '只能导入 XLSX 或 CSV 文件。' });
    await refused('admin', importAttendanceAction, form({ sessionId: s.id, rows: JSON.stringify([{ line: 2, name: a.name, unit: '', personId: null }, { line: 3, name: a.name, unit: '', personId: null }]) }), { field: 'rows', message: /重复出现/ });
    await refused('admin', importAttendanceAction, form({ sessionId: s.id, rows: 'not json' }), { field: 'rows', message: /已损坏/ });
    // A person id past the integer column: the same field error, not a database error.
    await refused('admin', importAttendanceAction, form({ sessionId: s.id, rows: JSON.stringify([{ line: 2, name: a.name, unit: '', personId: 3_000_000_000 }]) }), { field: 'rows', message: /已损坏/, status: 400 });
  });

  it('tells apart two trainees of the same name by their unit, and calls it ambiguous without one', async () => {
    const round = await roundIn(db.db);
    const s = await sessionIn(db.db, round);
    const name = `同名${Math.random().toString(36).slice(2, 6)}`;
    const one = await traineeIn(db.db, round, await personIn(db.db, HOME, name));
    await traineeIn(db.db, round, await personIn(db.db, 'U02-B1', name));
    const [unit] = await db.db.select().from(people).where(and(eq(people.name, name), eq(people.branchId, await branchIdOf(db.db, HOME))));
    expect(unit).toBeDefined();
    const { report } = await preview(s.id, `姓名,单位\n${name},\n`);
    expect(report.rows[0]).toMatchObject({ status: 'ambiguous', candidates: 2 });
    const homeName = (await getRoundDetail(as.admin, round.id))!.trainees.items.find((t) => t.id === one.id)!.branchName;
    const byUnit = await preview(s.id, `姓名,单位\n${name},${homeName}\n`);
    expect(byUnit.report.rows[0]).toMatchObject({ status: 'matched', traineeId: one.id });
  });
});
