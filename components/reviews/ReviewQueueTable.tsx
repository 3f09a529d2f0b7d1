import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { LateMark } from '@/components/records/badges';
import { activityKindLabels } from '@/lib/records/labels';
import type { QueueItem } from '@/lib/reviews/types';

/** One page of the review queue, oldest meeting first; at phone width each row is a card. */
export function ReviewQueueTable({ items, caption }: { items: QueueItem[]; caption: string }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有待审核的记录
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">主题</th>
            <th scope="col">活动日期</th>
            <th scope="col">组织</th>
            <th scope="col">类型</th>
            <th scope="col">提交日期</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/admin/records/${r.id}#record-review`}>{r.topic || `第 ${r.id} 号记录`}</Link>
                {r.revision > 1 && <> （第 {r.revision} 版）</>}
              </td>
              <td data-label="活动日期">{r.heldOn}</td>
              <td data-label="组织">{r.branchName}</td>
              <td data-label="类型">{activityKindLabels[r.kind]}</td>
              <td data-label="提交日期">
                {r.submittedOn}
                {r.lateDays !== null && (
                  <>
                    {' '}
                    <LateMark days={r.lateDays} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
