import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { bookingStatusLabels } from '@/lib/bookings/labels';
import type { BookingListItem } from '@/lib/bookings/queries';
import { slotLabel } from '@/lib/bookings/slots';

export function BookingStatusBadge({ status }: { status: BookingListItem['status'] }) {
  return <span className={status === 'declined' || status === 'cancelled' ? ui.badgeOff : ui.badge}>{bookingStatusLabels[status]}</span>;
}

/** Bookings as a table, cards on a phone: lecture, branch, season, state, slot and lecturer, rating. */
export function BookingTable({ bookings }: { bookings: BookingListItem[] }) {
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">送课预约</caption>
        <thead>
          <tr>
            <th scope="col">党课</th>
            <th scope="col">预约组织</th>
            <th scope="col">季度</th>
            <th scope="col">状态</th>
            <th scope="col">授课时间与讲师</th>
            <th scope="col">评分</th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((b) => (
            <tr key={b.id}>
              <td>
                <Link href={`/admin/bookings/${b.id}`}>{b.lectureTitle}</Link>
              </td>
              <td data-label="组织">{b.branchName}</td>
              <td data-label="季度">{b.seasonName ?? '—'}</td>
              <td data-label="状态">
                <BookingStatusBadge status={b.status} />
              </td>
              <td data-label="时间">{b.scheduledStartsAt && b.scheduledEndsAt ? `${slotLabel(b.scheduledStartsAt, b.scheduledEndsAt)} ${b.lecturerName ?? ''}` : `${b.requestedOn} 提出`}</td>
              <td data-label="评分">{b.rating ? `${b.rating} 分` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
