import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { attendanceLabel } from '@/lib/records/attendance';
import { activityKindLabels } from '@/lib/records/labels';
import type { RecordListItem } from '@/lib/records/types';
import { LateMark, StatusBadge } from './badges';
import styles from './records.module.css';

/** One page of the record book; at phone width each row is a card. */
export function RecordTable({ items, caption }: { items: RecordListItem[]; caption: string }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有符合条件的记录
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className={ui.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">活动日期</th>
            <th scope="col">组织</th>
            <th scope="col">类型</th>
            <th scope="col">主题</th>
            <th scope="col">出勤率</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td data-label="活动日期" className={styles.nowrap}>
                {r.heldOn}
              </td>
              <td data-label="组织">{r.branchName}</td>
              <td data-label="类型">{activityKindLabels[r.kind]}</td>
              <td data-label="主题">
                <Link href={`/admin/records/${r.id}`}>{r.topic || `（未填主题）第 ${r.id} 号记录`}</Link>
              </td>
              <td data-label="出勤率">{attendanceLabel(r.present, r.expected)}</td>
              <td data-label="状态">
                <StatusBadge status={r.status} />
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
