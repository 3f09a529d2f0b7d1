import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { BookingStatusBadge } from '@/components/bookings/BookingTable';
import { DeliveryForm } from '@/components/bookings/DeliveryForm';
import { StepForm } from '@/components/bookings/StepForm';
import { requirePermission } from '@/lib/auth/current-user';
import { isForbidden } from '@/lib/branches/queries';
import { can } from '@/lib/auth/permissions';
import { cancelBookingAction, declineBookingAction, rateBookingAction, scheduleBookingAction } from '@/lib/bookings/actions';
import { findBooking, schedulableLecturers } from '@/lib/bookings/queries';
import { REASON_MAX } from '@/lib/bookings/schemas';
import { beijingDay, beijingTime, slotLabel } from '@/lib/bookings/slots';
import { todayInBeijing } from '@/lib/calendar/days';
import { parseId } from '@/lib/ids';
import { getNodeRoster } from '@/lib/records/queries';

export const metadata: Metadata = { title: '送课预约' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ requested?: string; delivered?: string }> };

export default async function BookingPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('bookings.read', undefined, `/admin/bookings/${rawId}`);
  const id = parseId(rawId);
  const booking = id === null ? null : await findBooking(me, id).catch((error: unknown) => (isForbidden(error) ? forbidden() : Promise.reject(error)));
  if (!booking) notFound();
  const notice = await searchParams;
  const today = todayInBeijing();
  const branchActs = can(me, 'bookings.request', { branchId: booking.branchId });
  const schedules = can(me, 'bookings.schedule');
  const day = booking.scheduledStartsAt ? beijingDay(booking.scheduledStartsAt) : null;
  const open = booking.status === 'requested' || booking.status === 'scheduled';
  const mayDeliver = branchActs && booking.status === 'scheduled' && day !== null && day <= today;
  const [lecturers, roster] = await Promise.all([
    schedules && open ? schedulableLecturers(me) : [],
    mayDeliver ? getNodeRoster(me, booking.branchId, day!) : [],
  ]);
  return (
    <>
      <p>
        <Link href="/admin/bookings">← 返回送课预约</Link>
      </p>
      <h1 className={ui.title}>{booking.lectureTitle}</h1>
      {notice.requested && (
        <p className={ui.panel} role="status">
          预约已提交，工委安排后会在此显示授课时间和讲师。
        </p>
      )}
      {notice.delivered && (
        <p className={ui.panel} role="status">
          已确认授课完成，党课记录已生成。欢迎对本次送课评价。
        </p>
      )}
      <dl>
        <dt>状态</dt>
        <dd>
          <BookingStatusBadge status={booking.status} />
        </dd>
        <dt>预约组织</dt>
        <dd>
          {booking.branchName}（{booking.unitName}）
        </dd>
        <dt>季度</dt>
        <dd>{booking.seasonName ?? '—'}</dd>
        <dt>提出日期</dt>
        <dd>{booking.requestedOn}</dd>
        <dt>希望日期</dt>
        <dd>{booking.preferredDates.length ? booking.preferredDates.join('、') : '—'}</dd>
        <dt>地点与人数</dt>
        <dd>
          {booking.place ?? '—'}
          {booking.expectedAudience ? `，预计 ${booking.expectedAudience} 人` : ''}
        </dd>
        {booking.scheduledStartsAt && booking.scheduledEndsAt && (
          <>
            <dt>授课时间</dt>
            <dd>{slotLabel(booking.scheduledStartsAt, booking.scheduledEndsAt)}</dd>
            <dt>授课讲师</dt>
            <dd>{booking.lecturerName}</dd>
          </>
        )}
        {booking.declineReason && (
          <>
            <dt>未能安排的原因</dt>
            <dd>{booking.declineReason}</dd>
          </>
        )}
        {booking.cancelReason && (
          <>
            <dt>取消原因</dt>
            <dd>{booking.cancelReason}</dd>
          </>
        )}
        {booking.status === 'delivered' && (
          <>
            <dt>授课完成</dt>
            <dd>
              {booking.deliveredOn}，实到 {booking.attendance ?? '—'} 人
              {booking.recordId && (
                <>
                  {' '}
                  <Link href={`/admin/records/${booking.recordId}`}>查看党课记录</Link>
                </>
              )}
            </dd>
            <dt>评价</dt>
            <dd>{booking.rating ? `${booking.rating} 分${booking.feedback ? `：${booking.feedback}` : ''}` : '尚未评价'}</dd>
          </>
        )}
      </dl>

      {schedules && open && (
        <section className={ui.panel} aria-labelledby="schedule-title">
          <h2 id="schedule-title">{booking.status === 'scheduled' ? '调整安排' : '安排授课'}</h2>
          <StepForm
            action={scheduleBookingAction}
            label="安排授课"
            hidden={{ id: booking.id, version: booking.version }}
            submitLabel="保存安排"
            pendingLabel="正在保存…"
            fields={[
              { name: 'date', label: '授课日期', type: 'date', defaultValue: day ?? booking.preferredDates.find((d) => d >= today) ?? '' },
              { name: 'startTime', label: '开始时间', type: 'time', defaultValue: booking.scheduledStartsAt ? beijingTime(booking.scheduledStartsAt) : '14:30' },
              { name: 'endTime', label: '结束时间', type: 'time', defaultValue: booking.scheduledEndsAt ? beijingTime(booking.scheduledEndsAt) : '' },
              {
                name: 'lecturerId',
                label: '授课讲师',
                type: 'select',
                hint: `党课主讲人为${booking.defaultLecturerName}；同一讲师的授课时间不能重叠。`,
                defaultValue: booking.lecturerId ?? booking.defaultLecturerId,
                options: lecturers.map((l) => ({ value: l.id, label: `${l.name}（${l.unitName}）` })),
              },
            ]}
          />
        </section>
      )}
      {schedules && booking.status === 'requested' && (
        <section className={ui.panel} aria-labelledby="decline-title">
          <h2 id="decline-title">无法安排</h2>
          <StepForm action={declineBookingAction} label="答复无法安排" hidden={{ id: booking.id, version: booking.version }} submitLabel="答复无法安排" fields={[{ name: 'reason', label: '原因', type: 'textarea', maxLength: REASON_MAX }]} />
        </section>
      )}
      {branchActs && open && (day === null || day > today) && (
        <section className={ui.panel} aria-labelledby="cancel-title">
          <h2 id="cancel-title">取消预约</h2>
          <StepForm action={cancelBookingAction} label="取消预约" hidden={{ id: booking.id, version: booking.version }} submitLabel="取消预约" fields={[{ name: 'reason', label: '取消原因', type: 'textarea', maxLength: REASON_MAX }]} />
        </section>
      )}
      {mayDeliver && (
        <section className={ui.panel} aria-labelledby="deliver-title">
          <h2 id="deliver-title">确认授课完成</h2>
          <DeliveryForm booking={{ id: booking.id, version: booking.version }} roster={roster} lecturerName={booking.lecturerName ?? ''} />
        </section>
      )}
      {branchActs && booking.status === 'delivered' && booking.rating === null && (
        <section className={ui.panel} aria-labelledby="rate-title">
          <h2 id="rate-title">评价本次送课</h2>
          <StepForm
            action={rateBookingAction}
            label="评价本次送课"
            hidden={{ id: booking.id }}
            submitLabel="提交评价"
            fields={[
              { name: 'rating', label: '评分', type: 'select', options: [5, 4, 3, 2, 1].map((n) => ({ value: n, label: `${n} 分` })) },
              { name: 'comment', label: '评价意见', type: 'textarea', maxLength: REASON_MAX },
            ]}
          />
        </section>
      )}
    </>
  );
}
