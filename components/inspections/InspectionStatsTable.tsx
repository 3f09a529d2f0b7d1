import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { inspectionQueryString } from '@/lib/inspections/filters';
import type { FindingMeasure, InspectionFilters, InspectionStats, UnitFigures } from '@/lib/inspections/types';

/**
 * Per unit and in total, the findings raised in the period (by the day raised): how many, closed,
 * overdue today, the rectification rate and the median days to close. Each count links to its findings.
 */
export function InspectionStatsTable({ stats, filters }: { stats: InspectionStats; filters: InspectionFilters }) {
  const href = (u: UnitFigures | null, measure: FindingMeasure) => `/admin/inspections/findings${inspectionQueryString(filters, { unit: u?.unitName ?? filters.unit, measure })}`;
  const figure = (u: UnitFigures | null, measure: FindingMeasure, n: number, label: string) => (
    <Link href={href(u, measure)} aria-label={`${u?.unitName ?? '合计'}${label} ${n} 个，查看明细`}>
      {n}
    </Link>
  );
  const row = (u: UnitFigures, total: boolean) => (
    <tr key={total ? '' : u.unitName}>
      <td>{total ? <strong>{u.unitName}</strong> : u.unitName}</td>
      <td data-label="发现问题">{figure(total ? null : u, 'raised', u.raised, '发现问题')}</td>
      <td data-label="已整改到位">{figure(total ? null : u, 'closed', u.closed, '已整改到位')}</td>
      <td data-label="逾期未整改">{figure(total ? null : u, 'overdue', u.overdue, '逾期未整改')}</td>
      <td data-label="整改率">{u.rate === null ? '—' : `${u.rate}%`}</td>
      <td data-label="整改用时中位数">{u.medianDaysToClose === null ? '—' : `${u.medianDaysToClose} 天`}</td>
    </tr>
  );
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption>
          {filters.from} 至 {filters.to} 提出的问题（按提出日期统计；逾期按今天计）
        </caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">发现问题</th>
            <th scope="col">已整改到位</th>
            <th scope="col">逾期未整改</th>
            <th scope="col">整改率</th>
            <th scope="col">整改用时中位数</th>
          </tr>
        </thead>
        <tbody>
          {stats.units.map((u) => row(u, false))}
          {row(stats.total, true)}
        </tbody>
      </table>
    </div>
  );
}
