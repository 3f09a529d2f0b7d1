import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { StepForm } from '@/components/bookings/StepForm';
import { requirePermission } from '@/lib/auth/current-user';
import { createSeasonAction } from '@/lib/bookings/actions';
import { windowState } from '@/lib/bookings/labels';
import { listSeasons } from '@/lib/bookings/queries';
import { seasonFields } from '@/components/bookings/season-fields';
import { todayInBeijing } from '@/lib/calendar/days';

export const metadata: Metadata = { title: '四季送课' };

export default async function SeasonsPage() {
  const me = await requirePermission('lectures.manage', undefined, '/admin/seasons');
  const seasons = await listSeasons(me);
  const today = todayInBeijing();
  return (
    <>
      <h1 className={ui.title}>四季送课</h1>
      <p className={ui.muted}>每季设定预约时间并选定送课菜单（已公开的党课）；预约时间内各支部在“送课预约”中预约。</p>
      <p className={ui.toolbar}>
        <Link href="/admin/bookings">送课预约</Link>
        <Link href="/admin/lectures">党课菜单</Link>
      </p>
      {seasons.length === 0 ? (
        <p className={ui.panel}>还没有送课季度，请在下方新增。</p>
      ) : (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">送课季度</caption>
            <thead>
              <tr>
                <th scope="col">季度</th>
                <th scope="col">预约时间</th>
                <th scope="col">状态</th>
                <th scope="col">送课菜单</th>
                <th scope="col">预约</th>
              </tr>
            </thead>
            <tbody>
              {seasons.map((s) => {
                const state = windowState(s, today);
                return (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/admin/seasons/${s.id}`}>{s.name}</Link>
                    </td>
                    <td data-label="预约">
                      {s.bookingOpensOn} 至 {s.bookingClosesOn}
                    </td>
                    <td data-label="状态">
                      <span className={state === '预约中' ? ui.badge : ui.badgeOff}>{state}</span>
                    </td>
                    <td data-label="菜单">{s.offers} 节</td>
                    <td data-label="预约">{s.bookings} 次</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <section className={ui.panel} aria-labelledby="new-season">
        <h2 id="new-season">新增送课季度</h2>
        <StepForm action={createSeasonAction} label="新增送课季度" submitLabel="新增季度" pendingLabel="正在保存…" fields={seasonFields({ year: Number(today.slice(0, 4)) })} />
      </section>
    </>
  );
}
