import type { Metadata } from 'next';
import ui from '@/components/admin/admin-ui.module.css';
import { FindingTable } from '@/components/reviews/FindingTable';
import { OverdueByUnit } from '@/components/reviews/OverdueByUnit';
import { RecordFilterForm } from '@/components/records/RecordFilterForm';
import { ReviewCounts } from '@/components/reviews/ReviewCounts';
import { ReviewQueueTable } from '@/components/reviews/ReviewQueueTable';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { parseRecordFilters, recordQueryString } from '@/lib/records/filters';
import { listRecordNodes } from '@/lib/records/queries';
import { OPEN_FINDINGS_LIMIT, openFindings, overduePerUnit } from '@/lib/reviews/queries';
import { reviewQueue } from '@/lib/reviews/queue';

export const metadata: Metadata = { title: '审核' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const QUEUE = { path: '/admin/reviews', label: '筛选待审核记录', withStatus: false };

export default async function ReviewsPage({ searchParams }: Props) {
  const me = await requirePermission('reviews.read', undefined, '/admin/reviews');
  const params = await searchParams;
  const { status: _status, ...filters } = parseRecordFilters(params);
  const today = todayInBeijing();
  const year = today.slice(0, 4);
  const [queue, nodes, unclosed, perUnit] = await Promise.all([
    reviewQueue(me, { ...filters, cursor: params.cursor }),
    listRecordNodes(me, { purpose: 'read' }),
    openFindings(me),
    overduePerUnit(me, { from: `${year}-01-01`, to: `${year}-12-31` }),
  ]);
  const auditor = can(me, 'reviews.mark');
  const toRecheck = unclosed.filter((f) => f.state === 'answered');
  const years = Array.from({ length: 9 }, (_, i) => Number(year) - i);
  const where = queue.isFirst ? '最早的一页' : queue.isLast ? '最近的一页' : '较近的一页';
  return (
    <>
      <h1 className={ui.title}>审核</h1>
      <p className={ui.muted}>
        {auditor
          ? '已提交、尚未审核的记录按活动日期排列，最早的在前。打开一条记录，审核合格或提出问题；支部答复后在此复查。'
          : can(me, 'reviews.answer')
            ? '本组织（含下级）待审核的记录和需要整改的问题。打开问题所在的记录即可答复整改。'
            : '各组织待审核的记录和整改中的问题（只读）。'}
      </p>
      <ReviewCounts counts={queue.counts} />
      {auditor && (
        <section aria-labelledby="recheck">
          <h2 id="recheck">待复查</h2>
          <FindingTable items={toRecheck} caption={`支部已答复、等待复查的问题 ${toRecheck.length} 条`} empty="没有等待复查的问题" />
        </section>
      )}
      <section aria-labelledby="queue">
        <h2 id="queue">待审核记录</h2>
        <RecordFilterForm filters={filters} nodes={nodes} years={years} list={QUEUE} />
        <ReviewQueueTable items={queue.items} caption={`待审核记录，${where}，本页 ${queue.items.length} 条`} />
        <KeysetPager page={queue} label="待审核记录分页" labels={{ first: '最早一页', last: '最近一页' }} href={(cursor) => `/admin/reviews${recordQueryString(filters, cursor)}`} />
      </section>
      <section aria-labelledby="unclosed">
        <h2 id="unclosed">整改中的问题</h2>
        <FindingTable
          items={unclosed}
          caption={`未关闭的问题，整改期限最早的在前${unclosed.length >= OPEN_FINDINGS_LIMIT ? `（仅列前 ${OPEN_FINDINGS_LIMIT} 条）` : ''}`}
          empty="没有未关闭的问题"
        />
      </section>
      <section aria-labelledby="per-unit">
        <h2 id="per-unit">各单位整改情况</h2>
        <OverdueByUnit rows={perUnit} year={year} />
      </section>
    </>
  );
}
