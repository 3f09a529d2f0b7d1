import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { findingCategoryLabels } from '@/lib/reviews/labels';
import type { Finding } from '@/lib/reviews/types';
import { FindingStateBadge, OverdueMark } from './FindingBadges';

/** Where a finding is answered and re-checked: its record's page, or its inspection's. */
const findingHref = (f: Finding) =>
  f.recordId ? `/admin/records/${f.recordId}#finding-${f.id}` : f.inspectionId ? `/admin/inspections/${f.inspectionId}#finding-${f.id}` : null;

/** Findings not yet closed, the earliest due first, overdue ones marked; cards at phone width. */
export function FindingTable({ items, caption, empty }: { items: Finding[]; caption: string; empty: string }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        {empty}
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">问题</th>
            <th scope="col">组织</th>
            <th scope="col">记录</th>
            <th scope="col">整改期限</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id}>
              <td>
                {findingHref(f) ? <Link href={findingHref(f)!}>{findingCategoryLabels[f.category]}</Link> : findingCategoryLabels[f.category]}
                ：{f.comment}
              </td>
              <td data-label="组织">{f.branchName}</td>
              <td data-label="记录">{f.recordTopic ?? (f.inspectionId ? '明察暗访' : '—')}</td>
              <td data-label="整改期限">{f.dueOn}</td>
              <td data-label="状态">
                <FindingStateBadge state={f.state} /> <OverdueMark overdue={f.overdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
