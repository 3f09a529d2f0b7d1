import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { BookingTable } from '@/components/bookings/BookingTable';
import { Field } from '@/components/forms/Field';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { bookingStatuses, bookingStatusLabels } from '@/lib/bookings/labels';
import { type BookingFilters, listBookings, listSeasonNames, parseBookingFilters } from '@/lib/bookings/queries';
import { listRecordNodes } from '@/lib/records/queries';

export const metadata: Metadata = { title: '送课预约' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const queryOf = (f: BookingFilters, cursor?: string) => {
  const q = new URLSearchParams();
  if (f.season) q.set('season', String(f.season));
  if (f.status) q.set('status', f.status);
  if (f.branch) q.set('branch', String(f.branch));
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export default async function BookingsPage({ searchParams }: Props) {
  const me = await requirePermission('bookings.read', undefined, '/admin/bookings');
  const params = await searchParams;
  const filters = parseBookingFilters(params);
  const [list, nodes, seasons] = await Promise.all([listBookings(me, filters, params.cursor), listRecordNodes(me, { purpose: 'read' }), listSeasonNames(me)]);
  return (
    <>
      <h1 className={ui.title}>送课预约</h1>
      <p className={ui.muted}>四季送课：支部在预约时间内从送课菜单中预约党课，工委安排时间和讲师；授课后支部确认出勤，自动生成党课记录，并对本次送课评价。</p>
      {can(me, 'bookings.request') && (
        <p className={ui.toolbar}>
          <Link href="/admin/bookings/new" className="button">
            预约送课
          </Link>
        </p>
      )}
      <form method="get" action="/admin/bookings" aria-label="筛选送课预约" className={ui.toolbar}>
        <Field name="season" label="季度">
          <select id="field-season" name="season" defaultValue={filters.season ?? ''}>
            <option value="">全部</option>
            {seasons.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="status" label="状态">
          <select id="field-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">全部</option>
            {bookingStatuses.map((s) => (
              <option key={s} value={s}>
                {bookingStatusLabels[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="branch" label="组织（含下级）">
          <select id="field-branch" name="branch" defaultValue={filters.branch ?? ''}>
            <option value="">全部</option>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
        </Field>
        <div className={ui.actions}>
          <button type="submit" className="button">
            筛选
          </button>
          <Link href="/admin/bookings">清除</Link>
        </div>
      </form>
      {list.items.length === 0 ? <p className={ui.panel}>没有符合条件的预约。</p> : <BookingTable bookings={list.items} />}
      <KeysetPager page={list} label="送课预约分页" labels={{ first: '最新一页', last: '最早一页' }} href={(cursor) => `/admin/bookings${queryOf(filters, cursor)}`} />
    </>
  );
}
