import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { FindingStateBadge, OverdueMark } from '@/components/reviews/FindingBadges';
import { inspectionMethodLabels } from '@/lib/inspections/labels';
import type { InspectionFindingRow } from '@/lib/inspections/types';
import { findingCategoryLabels } from '@/lib/reviews/labels';

/** The findings behind a figure, newest raised first, each linked to its inspection; cards at phone width. */
export function InspectionFindingTable({ rows, caption }: { rows: InspectionFindingRow[]; caption: string }) {
  if (rows.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有符合条件的问题。
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
            <th scope="col">被督查组织</th>
            <th scope="col">督查</th>
            <th scope="col">提出日期</th>
            <th scope="col">整改期限</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id}>
              <td>
                <Link href={`/admin/inspections/${f.inspectionId}#finding-${f.id}`}>{findingCategoryLabels[f.category]}</Link>：{f.comment}
              </td>
              <td data-label="被督查组织">{f.branchName}</td>
              <td data-label="督查">
                {f.inspectedOn} {inspectionMethodLabels[f.method]}
              </td>
              <td data-label="提出日期">{f.raisedOn}</td>
              <td data-label="整改期限">{f.dueOn}</td>
              <td data-label="状态">
                <FindingStateBadge state={f.state} /> <OverdueMark overdue={f.overdue} />
                {f.closedOn && <> {f.closedOn}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
