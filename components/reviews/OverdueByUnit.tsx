import ui from '@/components/admin/admin-ui.module.css';
import type { UnitOverdue } from '@/lib/reviews/types';

/** Per unit, the findings raised this year (by the day raised): closed, open, overdue today. */
export function OverdueByUnit({ rows, year }: { rows: UnitOverdue[]; year: string }) {
  if (rows.length === 0) return <p className={ui.muted}>{year} 年尚未提出问题。</p>;
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption>{year} 年提出的问题（按提出日期统计），逾期多的单位在前</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">提出</th>
            <th scope="col">整改到位</th>
            <th scope="col">未关闭</th>
            <th scope="col">已逾期</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitName}>
              <td>{r.unitName}</td>
              <td data-label="提出">{r.raised}</td>
              <td data-label="整改到位">{r.closed}</td>
              <td data-label="未关闭">{r.unclosed}</td>
              <td data-label="已逾期">{r.overdue > 0 ? <strong>{r.overdue}</strong> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
