import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { StepForm } from '@/components/bookings/StepForm';
import { requirePermission } from '@/lib/auth/current-user';
import { requestBookingAction } from '@/lib/bookings/actions';
import { openSeasonOffers } from '@/lib/bookings/queries';
import { PLACE_MAX } from '@/lib/bookings/schemas';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { listRecordNodes } from '@/lib/records/queries';

export const metadata: Metadata = { title: '预约送课' };

export default async function NewBookingPage() {
  const me = await requirePermission('bookings.request', undefined, '/admin/bookings/new');
  const today = todayInBeijing();
  const [seasons, nodes] = await Promise.all([openSeasonOffers(me, today), listRecordNodes(me, { purpose: 'write' })]);
  const ownNode = nodes.find((n) => n.id === me.branchId) ?? (nodes.length === 1 ? nodes[0] : undefined);
  return (
    <>
      <p>
        <Link href="/admin/bookings">← 返回送课预约</Link>
      </p>
      <h1 className={ui.title}>预约送课</h1>
      {seasons.length === 0 ? (
        <p className={ui.panel}>现在没有处于预约时间内的送课季度。送课季度开放预约后，可在此从送课菜单中预约党课。</p>
      ) : (
        <>
          <p className={ui.muted}>
            {seasons.map((s) => `${s.seasonName}预约截止 ${s.bookingClosesOn}`).join('；')}。可在
            <Link href="/lectures" prefetch={false}>
              门户党课菜单
            </Link>
            中查看课程简介。
          </p>
          <div className={ui.panel}>
            <StepForm
              action={requestBookingAction}
              label="预约送课"
              submitLabel="提交预约"
              pendingLabel="正在提交…"
              fields={[
                { name: 'seasonId', label: '送课季度', type: 'select', defaultValue: seasons.length === 1 ? seasons[0]!.seasonId : undefined, options: seasons.map((s) => ({ value: s.seasonId, label: s.seasonName })) },
                {
                  name: 'lectureId',
                  label: '党课',
                  type: 'select',
                  options: seasons.flatMap((s) => s.lectures.map((l) => ({ value: l.id, label: `${l.title}（${l.lecturerName}，${l.durationMinutes} 分钟）`, group: s.seasonName }))),
                },
                { name: 'branchId', label: '预约的党组织', type: 'select', defaultValue: ownNode?.id, options: nodes.map((n) => ({ value: n.id, label: n.label })) },
                { name: 'preferredDates', label: '希望的授课日期', hint: `最多 3 个，用顿号分隔，例如 ${addDays(today, 14)}、${addDays(today, 16)}；须晚于今天。`, maxLength: 40 },
                { name: 'place', label: '授课地点', maxLength: PLACE_MAX, required: true },
                { name: 'expectedAudience', label: '预计听课人数', type: 'number', min: 1, max: 2000, required: true },
              ]}
            />
          </div>
        </>
      )}
    </>
  );
}
