import { session } from './setup/request-mocks';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/rows';
import { activityRecords } from '@/db/schema/activities';
import { branches } from '@/db/schema/branches';
import { lectureBookings, lectureSeasons } from '@/db/schema/lectures';
import { cancelBookingAction, confirmDeliveryAction, createSeasonAction, declineBookingAction, rateBookingAction, requestBookingAction, scheduleBookingAction } from '@/lib/bookings/actions';
import { findBooking, listBookings } from '@/lib/bookings/queries';
import { seasonStats, seasonStatsCsv, statsTotal } from '@/lib/bookings/stats';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { complianceReport } from '@/lib/compliance/queries';
import { lecturerFigures } from '@/lib/lectures/lecturer-figures';
import { lectureFigures } from '@/lib/lectures/queries';
import { correctRecordAction, submitRecordAction } from '@/lib/records/actions';
import { getRecord } from '@/lib/records/queries';
import type { SessionUser } from '@/lib/auth/sessions';
import { addUser, auditRowsAfter, beforeAnyCommits, branchIdOf, form, type FormAction, lastAuditId, signedIn, submit } from './auth-fixtures';
import { bookingIn, bookingRow, deliveryForm, offeredLectures, openSeason, requestForm } from './bookings-fixtures';
import { recordForm } from './records-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// The 四季送课 loop through the real actions: request, schedule or decline, cancel, delivery with
// its 党课 record, rating; the refusals of each step; two admins scheduling one lecturer at once.

const db = withDemoDatabase();
const as = {} as Record<'admin' | 'editor' | 'secretary' | 'secretary2' | 'auditor', SessionUser>;
let admin2: SessionUser;
const today = todayInBeijing();

beforeAll(async () => {
  for (const name of ['admin', 'editor', 'secretary', 'secretary2', 'auditor'] as const) as[name] = await signedIn(db.db, name);
  await addUser(db.db, { username: 'admin-two', role: 'admin' });
  admin2 = await signedIn(db.db, 'admin-two');
  await openSeason(db.db);
});

/** Runs an action as `user` (the session is read before the action's first await). */
async function run(user: SessionUser, action: FormAction, data: FormData) {
  session.user = user;
  const outcome = await submit(action, data);
  return outcome.kind === 'state' ? outcome.state : { ok: true as const, redirect: outcome.url };
}

async function expectRefusedWithoutTrace(user: SessionUser, action: FormAction, data: FormData, status = 403) {
  const before = await lastAuditId(db.db);
  expect(await run(user, action, data)).toMatchObject({ ok: false, status });
  expect(await auditRowsAfter(db.db, before)).toEqual([]);
}

describe('booking a lecture', () => {
  it('lets the secretary book a lecture on offer for their branch, and admins see it', async () => {
    const outcome = await run(as.secretary, requestBookingAction, await requestForm(db.db, 'U01-B1', 1));
    expect(outcome).toMatchObject({ ok: true, redirect: expect.stringMatching(/^\/admin\/bookings\/\d+\?requested=1$/) });
    const id = Number(/bookings\/(\d+)/.exec((outcome as { redirect: string }).redirect)![1]);
    expect(await bookingRow(db.db, id)).toMatchObject({ status: 'requested', requestedOn: today, place: '机关三楼会议室', expectedAudience: 30 });
    const page = await listBookings(as.admin, { status: 'requested' }, undefined);
    expect(page.items.map((b) => b.id)).toContain(id);
    expect((await listBookings(as.secretary2, {}, undefined)).items.map((b) => b.id)).not.toContain(id);
    await expect(findBooking(as.secretary2, id)).rejects.toMatchObject({ status: 403 });
    expect(await findBooking(as.auditor, id)).toMatchObject({ id, status: 'requested' });
    // The same lecture again while the first is open: refused.
    expect(await run(as.secretary, requestBookingAction, await requestForm(db.db, 'U01-B1', 1))).toMatchObject({ ok: false, fieldErrors: { lectureId: ['本组织已在本季度预约了这节党课，正在办理中，请勿重复预约。'] } });
  });

  it('refuses a closed season, a lecture not on offer and a past or today date, each next to its field', async () => {
    const [closed] = await db.db.select().from(lectureSeasons).where(eq(lectureSeasons.name, '2025年春季送课'));
    const season = await openSeason(db.db);
    const offered = new Set((await offeredLectures(db.db, season.id)).map((l) => l.id));
    const [notOffered] = await selectRows<{ id: number }>(db.db, sql`select id from lectures where published and id not in (select lecture_id from season_offers where season_id = ${season.id}) limit 1`);
    expect(offered.has(notOffered!.id)).toBe(false);

    const closedState = await run(as.secretary, requestBookingAction, await requestForm(db.db, 'U01-B1', 2, { seasonId: closed!.id }));
    expect(closedState.ok).toBe(false);
    expect((closedState as { fieldErrors: Record<string, string[]> }).fieldErrors.seasonId![0]).toMatch(/现在不在预约时间内/);
    expect(await run(as.secretary, requestBookingAction, await requestForm(db.db, 'U01-B1', 2, { lectureId: notOffered!.id }))).toMatchObject({
      ok: false,
      fieldErrors: { lectureId: [expect.stringMatching(/不在“.+”的送课菜单中/)] },
    });
    expect(await run(as.secretary, requestBookingAction, await requestForm(db.db, 'U01-B1', 2, { preferredDates: today }))).toMatchObject({ ok: false, fieldErrors: { preferredDates: [expect.stringMatching(/须晚于今天/)] } });
    expect(await run(as.secretary, requestBookingAction, await requestForm(db.db, 'U01-B1', 2, { preferredDates: '2026-02-30', place: '', expectedAudience: 0 }))).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { preferredDates: expect.any(Array), place: ['请填写授课地点。'], expectedAudience: ['预计听课人数至少为 1 人。'] },
    });
  });

  it('refuses another branch, the editor and the auditor with 403 and no audit row', async () => {
    await expectRefusedWithoutTrace(as.secretary, requestBookingAction, await requestForm(db.db, 'U02-B1', 3));
    await expectRefusedWithoutTrace(as.editor, requestBookingAction, await requestForm(db.db, 'U01-B1', 3));
    await expectRefusedWithoutTrace(as.auditor, requestBookingAction, await requestForm(db.db, 'U01-B1', 3));
  });
});

describe('scheduling', () => {
  const slot = (b: { id: number; version: number; lectureId: number }, lecturerId: number, date: string, startTime: string, endTime: string) =>
    form({ id: b.id, version: b.version, date, startTime, endTime, lecturerId });

  it('only admins schedule or decline; a past date, an unknown lecturer and a reversed slot are refused', async () => {
    const b = await bookingIn(db.db, 'U01-B1', 'requested');
    const lecture = (await offeredLectures(db.db, b.seasonId!))[0]!;
    for (const user of [as.secretary, as.editor, as.auditor]) await expectRefusedWithoutTrace(user, scheduleBookingAction, slot(b, lecture.lecturerId, addDays(today, 20), '14:00', '15:00'));
    await expectRefusedWithoutTrace(as.secretary, declineBookingAction, form({ id: b.id, version: b.version, reason: '无法安排' }));
    expect(await run(as.admin, scheduleBookingAction, slot(b, lecture.lecturerId, addDays(today, -1), '14:00', '15:00'))).toMatchObject({ ok: false, fieldErrors: { date: [`授课日期不能早于今天（${today}）。`] } });
    expect(await run(as.admin, scheduleBookingAction, slot(b, 999_999, addDays(today, 20), '14:00', '15:00'))).toMatchObject({ ok: false, fieldErrors: { lecturerId: ['所选讲师不存在，请重新选择。'] } });
    expect(await run(as.admin, scheduleBookingAction, slot(b, lecture.lecturerId, addDays(today, 20), '15:00', '14:00'))).toMatchObject({ ok: false, fieldErrors: { endTime: ['结束时间须晚于开始时间。'] } });
    const declined = await run(as.admin, declineBookingAction, form({ id: b.id, version: b.version, reason: '讲师本季度已排满，请改约下季度。' }));
    expect(declined).toMatchObject({ ok: true });
    expect(await bookingRow(db.db, b.id)).toMatchObject({ status: 'declined', declineReason: '讲师本季度已排满，请改约下季度。' });
    expect(await run(as.admin, scheduleBookingAction, slot(b, lecture.lecturerId, addDays(today, 20), '14:00', '15:00'))).toMatchObject({ ok: false, status: 409 });
  });

  it('never schedules a lecturer into overlapping slots: of two admins at once, exactly one wins', async () => {
    const first = await bookingIn(db.db, 'U01-B1', 'requested', { lectureIndex: 2 });
    const second = await bookingIn(db.db, 'U01-B2', 'requested', { lectureIndex: 2 });
    const lecturerId = (await offeredLectures(db.db, first.seasonId!))[2]!.lecturerId;
    const day = addDays(today, 25);
    const before = await lastAuditId(db.db);
    const outcomes = await beforeAnyCommits(db, 2, () =>
      Promise.all([
        (async () => {
          session.user = as.admin;
          return submit(scheduleBookingAction, slot(first, lecturerId, day, '09:00', '11:00'));
        })(),
        (async () => {
          session.user = admin2;
          return submit(scheduleBookingAction, slot(second, lecturerId, day, '10:30', '12:00'));
        })(),
      ]),
    );
    const states = outcomes.map((o) => (o.kind === 'state' ? o.state : { ok: false }));
    expect(states.filter((s) => s.ok)).toHaveLength(1);
    const loser = states.find((s) => !s.ok)!;
    expect(loser).toMatchObject({ status: 409, fieldErrors: { startTime: [expect.stringMatching(/已安排为.+授课，与该时段重叠/)] } });
    const rows = await Promise.all([bookingRow(db.db, first.id), bookingRow(db.db, second.id)]);
    expect(rows.map((r) => r.status).sort()).toEqual(['requested', 'scheduled']);
    expect((await auditRowsAfter(db.db, before)).map((r) => r.action)).toEqual(['booking.schedule']);
    // A slot that only touches the first one's end is free.
    const loserRow = rows.find((r) => r.status === 'requested')!;
    const winner = rows.find((r) => r.status === 'scheduled')!;
    const freeStart = winner.id === first.id ? '11:00' : '12:00';
    const freeEnd = winner.id === first.id ? '12:00' : '13:00';
    expect(await run(as.admin, scheduleBookingAction, slot(loserRow, lecturerId, day, freeStart, freeEnd))).toMatchObject({ ok: true });
  });
});

describe('cancelling, delivering and rating', () => {
  it('lets the branch cancel before the day with a reason, and refuses on or after the day', async () => {
    const b = await bookingIn(db.db, 'U01-B1', 'scheduled');
    await expectRefusedWithoutTrace(as.secretary2, cancelBookingAction, form({ id: b.id, version: b.version, reason: '改期另约' }));
    expect(await run(as.secretary, cancelBookingAction, form({ id: b.id, version: b.version, reason: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: ['请填写取消原因（至少 2 个字）。'] } });
    expect(await run(as.secretary, cancelBookingAction, form({ id: b.id, version: b.version, reason: '单位临时有重要任务，改期另约。' }))).toMatchObject({ ok: true });
    expect(await bookingRow(db.db, b.id)).toMatchObject({ status: 'cancelled', cancelReason: '单位临时有重要任务，改期另约。' });
    const due = await bookingIn(db.db, 'U01-B1', 'scheduled', { day: today });
    expect(await run(as.secretary, cancelBookingAction, form({ id: due.id, version: due.version, reason: '改期另约' }))).toMatchObject({ ok: false, status: 409 });
  });

  it('refuses a delivery before the day, by another branch, or by the auditor', async () => {
    const early = await bookingIn(db.db, 'U01-B1', 'scheduled');
    expect(await run(as.secretary, confirmDeliveryAction, await deliveryForm(db.db, early, 'U01-B1'))).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/还没到，授课后才能确认/) });
    const past = await bookingIn(db.db, 'U01-B1', 'scheduled', { day: addDays(today, -1) });
    await expectRefusedWithoutTrace(as.secretary2, confirmDeliveryAction, await deliveryForm(db.db, past, 'U01-B1'));
    await expectRefusedWithoutTrace(as.auditor, confirmDeliveryAction, await deliveryForm(db.db, past, 'U01-B1'));
    expect(await run(as.secretary, confirmDeliveryAction, await deliveryForm(db.db, past, 'U01-B1', { summary: '' }))).toMatchObject({ ok: false, status: 400, fieldErrors: { summary: expect.any(Array) } });
  });

  it('writes the branch 党课 once, by the lecture day, counted once in compliance; then one rating by the branch', async () => {
    const heldOn = addDays(today, -1);
    const b = await bookingIn(db.db, 'U01-B1', 'scheduled', { day: heldOn, lectureIndex: 3 });
    const branchId = await branchIdOf(db.db, 'U01-B1');
    const year = Number(heldOn.slice(0, 4));
    const quarter = Math.floor((Number(heldOn.slice(5, 7)) - 1) / 3) + 1;
    const lecturesIn = async () => {
      const report = await complianceReport(as.admin, { branchId, year, today });
      const rule = report.nodes.find((n) => n.node.id === branchId)!.rules.find((r) => r.key === 'party_lecture') as unknown as { periods: { period: { index: number }; held: number }[] };
      return rule.periods.find((p) => p.period.index === quarter)!.held;
    };
    const heldBefore = await lecturesIn();
    const figuresBefore = await lectureFigures(b.lectureId);
    const lecturerBefore = await lecturerFigures(b.lecturerId!);

    const since = await lastAuditId(db.db);
    const delivered = await run(as.secretary, confirmDeliveryAction, await deliveryForm(db.db, b, 'U01-B1'));
    expect(delivered).toMatchObject({ ok: true, redirect: `/admin/bookings/${b.id}?delivered=1` });
    const row = await bookingRow(db.db, b.id);
    // The record's own trail starts with its submission, in the same transaction as the delivery.
    expect((await auditRowsAfter(db.db, since)).map((r) => [r.action, r.entityType, r.entityId, r.actorId])).toEqual([
      ['record.submit', 'activity_record', String(row.recordId), as.secretary.id],
      ['booking.deliver', 'lecture_booking', String(b.id), as.secretary.id],
    ]);
    expect((await auditRowsAfter(db.db, since))[0]!.after).toMatchObject({ kind: 'party_lecture', heldOn, status: 'submitted', revision: 1, bookingId: b.id });
    expect(row).toMatchObject({ status: 'delivered', deliveredOn: heldOn });
    expect(row.attendance).toBeGreaterThan(2);
    const records = await db.db.select().from(activityRecords).where(and(eq(activityRecords.branchId, branchId), eq(activityRecords.speakerLecturerId, row.lecturerId!)));
    expect(records.filter((r) => r.id === row.recordId)).toHaveLength(1);
    const record = await getRecord(as.secretary, row.recordId!);
    expect(record).toMatchObject({ kind: 'party_lecture', heldOn, status: 'submitted', revision: 1, speaker: null, speakerLecturer: { id: row.lecturerId } });
    expect(record!.attendees).toHaveLength(row.attendance!);
    expect(await lecturesIn()).toBe(heldBefore + 1);

    // A second confirmation (a double click) neither writes a second record nor counts again.
    expect(await run(as.secretary, confirmDeliveryAction, await deliveryForm(db.db, row, 'U01-B1'))).toMatchObject({ ok: false, status: 409 });
    expect(await lecturesIn()).toBe(heldBefore + 1);

    await expectRefusedWithoutTrace(as.secretary2, rateBookingAction, form({ id: b.id, rating: 5 }));
    expect(await run(as.secretary, rateBookingAction, form({ id: b.id, rating: 6 }))).toMatchObject({ ok: false, fieldErrors: { rating: ['请选择 1 至 5 分。'] } });
    expect(await run(as.secretary, rateBookingAction, form({ id: b.id, rating: 4, comment: '贴近实际，互动充分。' }))).toMatchObject({ ok: true });
    expect(await run(as.secretary, rateBookingAction, form({ id: b.id, rating: 5 }))).toMatchObject({ ok: false, fieldErrors: { rating: ['本次送课已经评价过，每次送课只能评价一次。'] } });
    expect(await bookingRow(db.db, b.id)).toMatchObject({ rating: 4, feedback: '贴近实际，互动充分。' });
    const figures = await lectureFigures(b.lectureId);
    expect(figures.delivered).toBe(figuresBefore.delivered + 1);
    expect(figures.ratings).toBe(figuresBefore.ratings + 1);
    expect(await lecturerFigures(b.lecturerId!)).toMatchObject({ delivered: lecturerBefore.delivered + 1, ratings: lecturerBefore.ratings + 1 });
  });

  it('keeps the booked lecturer through a correction of the 党课, and lets no form name one', async () => {
    const heldOn = addDays(today, -2);
    const b = await bookingIn(db.db, 'U01-B1', 'scheduled', { day: heldOn, lectureIndex: 4 });
    expect(await run(as.secretary, confirmDeliveryAction, await deliveryForm(db.db, b, 'U01-B1'))).toMatchObject({ ok: true });
    const { recordId, lecturerId } = await bookingRow(db.db, b.id);
    const record = (await db.db.select().from(activityRecords).where(eq(activityRecords.id, recordId!)))[0]!;
    const base = { kind: 'party_lecture', heldOn, topic: record.topic!, speakerLecturerId: lecturerId!, id: record.id, version: record.version, reason: '补充授课要点' };
    expect(await run(as.secretary, correctRecordAction, await recordForm(db.db, 'U01-B1', { ...base, speakerLecturerId: lecturerId! + 1 }))).toMatchObject({
      ok: false,
      fieldErrors: { speakerPersonId: ['授课讲师由送课预约确定，不能在记录中更改。'] },
    });
    expect(await run(as.secretary, correctRecordAction, await recordForm(db.db, 'U01-B1', base))).toMatchObject({ ok: true });
    const corrected = await getRecord(as.secretary, record.id);
    expect(corrected).toMatchObject({ revision: 2, speaker: null, speakerLecturer: { id: lecturerId } });
    const { id: _id, version: _version, reason: _reason, ...fresh } = base;
    expect(await run(as.secretary, submitRecordAction, await recordForm(db.db, 'U01-B1', fresh))).toMatchObject({ ok: false, fieldErrors: { speakerPersonId: ['授课讲师由送课预约确定，不能在记录中更改。'] } });
  });

  it('refuses a rating before delivery', async () => {
    const b = await bookingIn(db.db, 'U01-B1', 'scheduled');
    expect(await run(as.secretary, rateBookingAction, form({ id: b.id, rating: 5 }))).toMatchObject({ ok: false, status: 409, message: '确认授课完成后才能评价。' });
  });
});

describe('seasons and their figures', () => {
  it('validates a season in Chinese and counts a season per unit for the export', async () => {
    expect(await run(as.admin, createSeasonAction, form({ name: '', year: 1999, bookingOpensOn: '2027-03-01', bookingClosesOn: '2027-02-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.any(Array), year: ['年度应在 2000 至 2100 之间。'] },
    });
    expect(await run(as.admin, createSeasonAction, form({ name: '2027年春季送课', year: 2027, bookingOpensOn: '2027-03-01', bookingClosesOn: '2027-02-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { bookingClosesOn: ['预约截止日期不能早于开始日期。'] },
    });
    await expectRefusedWithoutTrace(as.secretary, createSeasonAction, form({ name: '2027年春季送课', year: 2027, bookingOpensOn: '2027-02-01', bookingClosesOn: '2027-03-01' }));

    const season = await openSeason(db.db);
    const stats = await seasonStats(as.admin, season.id);
    const unit = stats.find((s) => s.booked > 0 && s.delivered > 0)!;
    expect(unit).toMatchObject({ unitName: expect.any(String) });
    expect(unit.cancelled + unit.delivered).toBeLessThanOrEqual(unit.booked);
    const csv = seasonStatsCsv(stats);
    expect(csv.split('\r\n')[0]).toContain('单位,预约,已授课,已取消,未能安排,评价数,平均评分');
    expect(csv).toContain('合计');
    await expect(seasonStats(as.secretary, season.id)).rejects.toMatchObject({ status: 403 });
  });

  it('averages the 合计 over every rating of the season, not over the units\' rounded averages', async () => {
    // One unit rated once (4), another three times (4, 4, 5 → 4.3 shown): the season's 17 / 4 = 4.25 → 4.3,
    // where the rounded averages weighted by their counts would give (4 + 3 × 4.3) / 4 = 4.225 → 4.2.
    const season = await openSeason(db.db, '合计评分测试季度');
    const [lecture] = await offeredLectures(db.db, season.id);
    const [one, other] = await Promise.all(['U01-B1', 'U02-B1'].map(async (code) => (await db.db.select().from(branches).where(eq(branches.id, await branchIdOf(db.db, code))))[0]!));
    expect(one!.unitName).not.toBe(other!.unitName);
    const delivered = (branchId: number, rating: number) => ({ branchId, lectureId: lecture!.id, seasonId: season.id, requestedOn: today, status: 'delivered' as const, deliveredOn: today, attendance: 20, rating });
    await db.db.insert(lectureBookings).values([delivered(one!.id, 4), delivered(other!.id, 4), delivered(other!.id, 4), delivered(other!.id, 5)]);
    const stats = await seasonStats(as.admin, season.id);
    expect(new Map(stats.map((s) => [s.unitName, [s.ratings, s.averageRating]]))).toEqual(
      new Map([
        [one!.unitName, [1, 4]],
        [other!.unitName, [3, 4.3]],
      ]),
    );
    expect(statsTotal(stats)).toMatchObject({ unitName: '合计', delivered: 4, ratings: 4, averageRating: 4.3 });
    expect(seasonStatsCsv(stats).trim().split('\r\n').at(-1)).toBe('合计,4,4,0,0,4,4.3');
  });
});
