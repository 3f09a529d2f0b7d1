import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { StepForm } from '@/components/bookings/StepForm';
import { ToggleForm } from '@/components/lectures/admin/ToggleForm';
import { requirePermission } from '@/lib/auth/current-user';
import { setSeasonOfferAction, updateSeasonAction } from '@/lib/bookings/actions';
import { windowState } from '@/lib/bookings/labels';
import { findSeason, seasonOfferChoices } from '@/lib/bookings/queries';
import { seasonFields } from '@/components/bookings/season-fields';
import { seasonStats, statsTotal } from '@/lib/bookings/stats';
import { todayInBeijing } from '@/lib/calendar/days';
import { parseId } from '@/lib/ids';

export const metadata: Metadata = { title: '送课季度' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function SeasonPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('lectures.manage', undefined, `/admin/seasons/${rawId}`);
  const id = parseId(rawId);
  const season = id === null ? null : await findSeason(me, id);
  if (!season) notFound();
  const [choices, stats, { created }] = await Promise.all([seasonOfferChoices(me, season.id), seasonStats(me, season.id), searchParams]);
  const offered = choices.filter((c) => c.offered);
  const total = statsTotal(stats);
  return (
    <>
      <p>
        <Link href="/admin/seasons">← 返回四季送课</Link>
      </p>
      <h1 className={ui.title}>{season.name}</h1>
      {created && (
        <p className={ui.panel} role="status">
          送课季度已新增，请在下方选定送课菜单。
        </p>
      )}
      <p>
        预约时间 {season.bookingOpensOn} 至 {season.bookingClosesOn}（{windowState(season, todayInBeijing())}），送课菜单 {offered.length} 节，预约 {season.bookings} 次。{' '}
        <Link href={`/admin/bookings?season=${season.id}`}>查看本季预约</Link>
      </p>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title">各单位送课情况</h2>
        {stats.length === 0 ? (
          <p className={ui.muted}>本季度还没有预约。</p>
        ) : (
          <>
            <p className={ui.summary}>
              <a href={`/admin/seasons/${season.id}/export?format=csv`} download>
                导出 CSV
              </a>
              <a href={`/admin/seasons/${season.id}/export?format=xlsx`} download>
                导出 Excel
              </a>
            </p>
            <div className={ui.tableWrap}>
              <table className={`${ui.table} ${ui.cards}`}>
                <caption className="visually-hidden">各单位送课情况</caption>
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">预约</th>
                    <th scope="col">已授课</th>
                    <th scope="col">已取消</th>
                    <th scope="col">未能安排</th>
                    <th scope="col">平均评分</th>
                  </tr>
                </thead>
                <tbody>
                  {[...stats, total].map((s) => (
                    <tr key={s.unitName}>
                      <td>{s.unitName}</td>
                      <td data-label="预约">{s.booked}</td>
                      <td data-label="已授课">{s.delivered}</td>
                      <td data-label="已取消">{s.cancelled}</td>
                      <td data-label="未能安排">{s.declined}</td>
                      <td data-label="评分">{s.averageRating === null ? '—' : `${s.averageRating}（${s.ratings} 次评价）`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="offers-title">
        <h2 id="offers-title">送课菜单</h2>
        <p className={ui.muted}>只有已公开的党课可以列入；移出菜单不影响已提出的预约。</p>
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">可列入送课菜单的党课</caption>
            <thead>
              <tr>
                <th scope="col">党课</th>
                <th scope="col">主讲人</th>
                <th scope="col">送课菜单</th>
              </tr>
            </thead>
            <tbody>
              {choices.map((c) => (
                <tr key={c.id}>
                  <td>{c.title}</td>
                  <td data-label="主讲">{c.lecturerName}</td>
                  <td data-label="菜单">
                    {c.offered ? (
                      <ToggleForm action={setSeasonOfferAction} fields={{ seasonId: season.id, lectureId: c.id, offered: 'false' }} label="移出送课菜单" ariaLabel={`移出送课菜单：${c.title}`} />
                    ) : c.published ? (
                      <ToggleForm action={setSeasonOfferAction} fields={{ seasonId: season.id, lectureId: c.id, offered: 'true' }} label="列入送课菜单" ariaLabel={`列入送课菜单：${c.title}`} />
                    ) : (
                      <span className={ui.badgeOff}>未公开</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className={ui.panel} aria-labelledby="edit-title">
        <h2 id="edit-title">修改季度</h2>
        <StepForm action={updateSeasonAction} label="修改季度" hidden={{ id: season.id, version: season.version }} submitLabel="保存" pendingLabel="正在保存…" fields={seasonFields(season)} />
      </section>
    </>
  );
}
