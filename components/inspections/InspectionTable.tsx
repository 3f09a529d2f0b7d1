import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { inspectionMethodLabels, inspectionStatusLabels } from '@/lib/inspections/labels';
import type { InspectionListItem } from '@/lib/inspections/types';

/** The inspections, newest first; cards at phone width. */
export function InspectionTable({ items, caption }: { items: InspectionListItem[]; caption: string }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        这一时期没有督查记录。
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">被督查组织</th>
            <th scope="col">督查日期</th>
            <th scope="col">方式</th>
            <th scope="col">督查内容</th>
            <th scope="col">问题（整改到位 / 逾期）</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link href={`/admin/inspections/${i.id}`}>{i.branchName}</Link>
              </td>
              <td data-label="督查日期">{i.inspectedOn}</td>
              <td data-label="方式">{inspectionMethodLabels[i.method]}</td>
              <td data-label="督查内容">{i.scope}</td>
              <td data-label="问题">
                {i.findings} 个（{i.closed} / {i.overdue > 0 ? <strong>{i.overdue}</strong> : 0}）
              </td>
              <td data-label="状态">{inspectionStatusLabels[i.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
