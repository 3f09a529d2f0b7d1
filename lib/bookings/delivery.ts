import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { lectureBookings, lectures } from '@/db/schema/lectures';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { submitBookedLecture } from '@/lib/records/commands';
import { loadBooking, statusPhrase } from './commands';
import type { confirmDeliverySchema } from './schemas';
import { beijingDay, beijingTime } from './slots';

/**
 * After the day, the branch confirms the lecture took place, with the attendance from its roster.
 * In the same transaction this writes the branch's submitted 党课 in the record book (held on
 * the lecture's day, the lecturer as speaker), so compliance counts it once, by that day, from
 * the record alone; the booking keeps the record's id (unique) and is delivered exactly once.
 * Two audit rows: the record's `record.submit`, then the booking's `booking.deliver`.
 */
export async function confirmDelivery(ctx: ActionContext, input: z.infer<typeof confirmDeliverySchema>) {
  const before = await loadBooking(ctx, input.id);
  if (before.version !== input.version) throw new AppError('conflict', '该预约已被他人处理或修改，请刷新页面查看最新状态。');
  if (before.status !== 'scheduled' || !before.scheduledStartsAt || !before.scheduledEndsAt || before.lecturerId === null) {
    throw new AppError('conflict', `该预约${statusPhrase(before.status)}，不能确认授课。`);
  }
  const heldOn = beijingDay(before.scheduledStartsAt);
  const today = todayInBeijing();
  if (heldOn > today) throw new AppError('conflict', `授课日期（${heldOn}）还没到，授课后才能确认完成并登记出勤。`);
  const [lecture] = await ctx.tx.select({ title: lectures.title }).from(lectures).where(eq(lectures.id, before.lectureId));

  const record = await submitBookedLecture(
    ctx,
    {
      id: null,
      version: null,
      branchId: before.branchId,
      kind: 'party_lecture',
      heldOn,
      startTime: beijingTime(before.scheduledStartsAt),
      endTime: beijingTime(before.scheduledEndsAt),
      place: before.place ?? '送课现场',
      topic: lecture!.title,
      firstAgendaStudied: false,
      firstAgendaTopic: null,
      hostPersonId: input.hostPersonId,
      recorderPersonId: input.recorderPersonId,
      speakerPersonId: null,
      speakerLecturerId: before.lecturerId,
      minutes: JSON.stringify({ type: 'doc', content: input.summary.split('\n').filter((line) => line.trim()).map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line.trim() }] })) }),
      attendees: input.attendees,
      photoMediaIds: [],
      removeAttachmentIds: [],
      newAttachments: [],
      reason: null,
    },
    before.id,
  );
  const present = input.attendees.filter((a) => a.attendance === 'present').length;
  const [after] = await ctx.tx
    .update(lectureBookings)
    .set({ status: 'delivered', deliveredOn: heldOn, attendance: present, recordId: record.id, version: sql`${lectureBookings.version} + 1` })
    .where(eq(lectureBookings.id, before.id))
    .returning();
  await ctx.audit({ action: 'booking.deliver', entityType: 'lecture_booking', entityId: before.id, before: { status: before.status }, after: { status: 'delivered', deliveredOn: heldOn, attendance: present, recordId: record.id } });
  return after!;
}
