import 'server-only';
import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { branches } from '@/db/schema/branches';
import { lectureBookings, lecturers, lectures, lectureSeasons, seasonOffers } from '@/db/schema/lectures';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { isUniqueViolation } from '@/db/errors';
import { beijingDay, beijingTime, slotOf } from './slots';
import type { cancelBookingSchema, declineBookingSchema, rateBookingSchema, requestBookingSchema, scheduleBookingSchema } from './schemas';

// The booking loop of 四季送课: requested → scheduled (or declined) → delivered (or cancelled
// before the day) → rated once. Delivery is in ./delivery.ts. The branch's steps check the
// booking's branch against the actor's scope before anything else: another branch's booking is
// a 403 and the transaction, audit row included, rolls back.

export type BookingRow = typeof lectureBookings.$inferSelect;

// pg_advisory_xact_lock(namespace, lecturer id): scheduling is serialized per lecturer, so the
// overlap check below sees every slot committed before it (PGlite has no btree_gist for an
// exclusion constraint).
const LECTURER_SLOT_LOCK = 7_416_101;

const auditable = (b: BookingRow) => ({
  branchId: b.branchId,
  lectureId: b.lectureId,
  seasonId: b.seasonId,
  status: b.status,
  scheduledStartsAt: b.scheduledStartsAt?.toISOString() ?? null,
  scheduledEndsAt: b.scheduledEndsAt?.toISOString() ?? null,
  lecturerId: b.lecturerId,
});

const stale = () => new AppError('conflict', '该预约已被他人处理或修改，请刷新页面查看最新状态。');

/** The booking, locked for this transaction, after the scope check (another branch's: 403). */
export async function loadBooking(ctx: ActionContext, id: number): Promise<BookingRow> {
  const [row] = await ctx.tx.select().from(lectureBookings).where(eq(lectureBookings.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该预约不存在，请刷新页面。');
  ctx.authorizeTarget({ branchId: row.branchId });
  return row;
}

function assertVersion(row: BookingRow, version: number) {
  if (row.version !== version) throw stale();
}

export async function requestBooking(ctx: ActionContext, input: z.infer<typeof requestBookingSchema>) {
  ctx.authorizeTarget({ branchId: input.branchId });
  const [node] = await ctx.tx.select({ id: branches.id, kind: branches.kind, dissolvedOn: branches.dissolvedOn }).from(branches).where(eq(branches.id, input.branchId));
  if (!node) throw new AppError('invalid', '所选党组织不存在，请重新选择。', 'branchId');
  if (node.kind === 'work_committee') throw new AppError('invalid', '请选择具体的党组织（机关党委、党总支、党支部）。', 'branchId');
  if (node.dissolvedOn) throw new AppError('invalid', '该党组织已撤销，不能预约送课。', 'branchId');

  const today = todayInBeijing();
  const [season] = await ctx.tx.select().from(lectureSeasons).where(eq(lectureSeasons.id, input.seasonId));
  if (!season) throw new AppError('invalid', '所选送课季度不存在，请重新选择。', 'seasonId');
  if (today < season.bookingOpensOn || today > season.bookingClosesOn) {
    throw new AppError('invalid', `“${season.name}”的预约时间为 ${season.bookingOpensOn} 至 ${season.bookingClosesOn}，现在不在预约时间内。`, 'seasonId');
  }
  const [offer] = await ctx.tx
    .select({ title: lectures.title, published: lectures.published })
    .from(seasonOffers)
    .innerJoin(lectures, eq(lectures.id, seasonOffers.lectureId))
    .where(and(eq(seasonOffers.seasonId, season.id), eq(seasonOffers.lectureId, input.lectureId)));
  if (!offer?.published) throw new AppError('invalid', `所选党课不在“${season.name}”的送课菜单中，请从菜单中选择。`, 'lectureId');
  const past = input.preferredDates.filter((d) => d <= today);
  if (past.length > 0) throw new AppError('invalid', `希望的授课日期须晚于今天（${today}）：${past.join('、')} 已过或就是今天。`, 'preferredDates');

  const [open] = await ctx.tx
    .select({ id: lectureBookings.id })
    .from(lectureBookings)
    .where(and(eq(lectureBookings.branchId, node.id), eq(lectureBookings.lectureId, input.lectureId), eq(lectureBookings.seasonId, season.id), inArray(lectureBookings.status, ['requested', 'scheduled'])));

  const duplicate = () => new AppError('conflict', '本组织已在本季度预约了这节党课，正在办理中，请勿重复预约。', 'lectureId');
  if (open) throw duplicate();

  // A request sent at the same moment passes the check above; the open-booking index refuses it.
  const row = await ctx.tx
    .insert(lectureBookings)
    .values({ ...input, requestedOn: today, status: 'requested', createdBy: ctx.user.id })
    .returning()
    .then(([r]) => r!, (error: unknown) => {
      throw isUniqueViolation(error, 'lecture_bookings_open_key') ? duplicate() : error;
    });
  await ctx.audit({ action: 'booking.request', entityType: 'lecture_booking', entityId: row.id, after: { ...auditable(row), preferredDates: input.preferredDates } });
  return row;
}

/** An admin's schedule: date, times and the confirmed lecturer, never overlapping the lecturer's other slots. */
export async function scheduleBooking(ctx: ActionContext, input: z.infer<typeof scheduleBookingSchema>) {
  const before = await loadBooking(ctx, input.id);
  assertVersion(before, input.version);
  if (before.status !== 'requested' && before.status !== 'scheduled') throw new AppError('conflict', `该预约${statusPhrase(before.status)}，不能再安排。`);
  const today = todayInBeijing();
  if (input.date < today) throw new AppError('invalid', `授课日期不能早于今天（${today}）。`, 'date');
  const [lecturer] = await ctx.tx.select({ id: lecturers.id, name: lecturers.name, inPool: lecturers.inPool }).from(lecturers).where(eq(lecturers.id, input.lecturerId));
  if (!lecturer) throw new AppError('invalid', '所选讲师不存在，请重新选择。', 'lecturerId');
  if (!lecturer.inPool) throw new AppError('invalid', '所选讲师已停用，请选择其他讲师。', 'lecturerId');
  const { startsAt, endsAt } = slotOf(input.date, input.startTime, input.endTime);

  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${LECTURER_SLOT_LOCK}, ${lecturer.id})`);
  const [clash] = await ctx.tx
    .select({ startsAt: lectureBookings.scheduledStartsAt, endsAt: lectureBookings.scheduledEndsAt, branchName: branches.name })
    .from(lectureBookings)
    .innerJoin(branches, eq(branches.id, lectureBookings.branchId))
    .where(
      and(
        eq(lectureBookings.lecturerId, lecturer.id),
        inArray(lectureBookings.status, ['scheduled', 'delivered']),
        ne(lectureBookings.id, before.id),
        lt(lectureBookings.scheduledStartsAt, endsAt),
        gt(lectureBookings.scheduledEndsAt, startsAt),
      ),
    )
    .limit(1);
  if (clash?.startsAt && clash.endsAt) {
    throw new AppError(
      'conflict',
      `${lecturer.name}在 ${beijingDay(clash.startsAt)} ${beijingTime(clash.startsAt)}–${beijingTime(clash.endsAt)} 已安排为${clash.branchName}授课，与该时段重叠，请另选时间或讲师。`,
      'startTime',
    );
  }
  const [after] = await ctx.tx
    .update(lectureBookings)
    .set({ status: 'scheduled', scheduledStartsAt: startsAt, scheduledEndsAt: endsAt, lecturerId: lecturer.id, declineReason: null, version: sql`${lectureBookings.version} + 1` })
    .where(eq(lectureBookings.id, before.id))
    .returning();
  await ctx.audit({ action: 'booking.schedule', entityType: 'lecture_booking', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

export async function declineBooking(ctx: ActionContext, input: z.infer<typeof declineBookingSchema>) {
  const before = await loadBooking(ctx, input.id);
  assertVersion(before, input.version);
  if (before.status !== 'requested') throw new AppError('conflict', `该预约${statusPhrase(before.status)}，不能再答复“无法安排”。`);
  const [after] = await ctx.tx
    .update(lectureBookings)
    .set({ status: 'declined', declineReason: input.reason, version: sql`${lectureBookings.version} + 1` })
    .where(eq(lectureBookings.id, before.id))
    .returning();
  await ctx.audit({ action: 'booking.decline', entityType: 'lecture_booking', entityId: before.id, before: auditable(before), after: { ...auditable(after!), reason: input.reason } });
  return after!;
}

/** The branch withdraws a request, or a scheduled lecture before its day. */
export async function cancelBooking(ctx: ActionContext, input: z.infer<typeof cancelBookingSchema>) {
  const before = await loadBooking(ctx, input.id);
  assertVersion(before, input.version);
  if (before.status !== 'requested' && before.status !== 'scheduled') throw new AppError('conflict', `该预约${statusPhrase(before.status)}，不能取消。`);
  const today = todayInBeijing();
  if (before.scheduledStartsAt && beijingDay(before.scheduledStartsAt) <= today) {
    throw new AppError('conflict', `授课日期（${beijingDay(before.scheduledStartsAt)}）已到，不能再取消；如未实际授课，请联系工委管理员。`, 'reason');
  }
  const [after] = await ctx.tx
    .update(lectureBookings)
    .set({ status: 'cancelled', cancelReason: input.reason, cancelledAt: sql`now()`, version: sql`${lectureBookings.version} + 1` })
    .where(eq(lectureBookings.id, before.id))
    .returning();
  await ctx.audit({ action: 'booking.cancel', entityType: 'lecture_booking', entityId: before.id, before: auditable(before), after: { ...auditable(after!), reason: input.reason } });
  return after!;
}

/** The branch rates a delivered lecture once: 1–5 and a comment. */
export async function rateBooking(ctx: ActionContext, input: z.infer<typeof rateBookingSchema>) {
  const before = await loadBooking(ctx, input.id);
  if (before.status !== 'delivered') throw new AppError('conflict', '确认授课完成后才能评价。');
  if (before.rating !== null) throw new AppError('conflict', '本次送课已经评价过，每次送课只能评价一次。', 'rating');
  const [after] = await ctx.tx
    .update(lectureBookings)
    .set({ rating: input.rating, feedback: input.comment, ratedAt: sql`now()`, ratedBy: ctx.user.id, version: sql`${lectureBookings.version} + 1` })
    .where(eq(lectureBookings.id, before.id))
    .returning();
  await ctx.audit({ action: 'booking.rate', entityType: 'lecture_booking', entityId: before.id, after: { rating: input.rating, hasComment: input.comment !== null } });
  return after!;
}

export function statusPhrase(status: BookingRow['status']): string {
  return { requested: '还在等待安排', scheduled: '已安排', declined: '已答复无法安排', cancelled: '已取消', delivered: '已确认授课完成' }[status];
}
