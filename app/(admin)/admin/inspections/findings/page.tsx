import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { InspectionFilterForm } from '@/components/inspections/InspectionFilterForm';
import { InspectionFindingTable } from '@/components/inspections/InspectionFindingTable';
import { requirePermission } from '@/lib/auth/current-user';
import { todayInBeijing } from '@/lib/calendar/days';
import { inspectionQueryString, parseInspectionFilters } from '@/lib/inspections/filters';
import { findingMeasureLabels } from '@/lib/inspections/labels';
import { FINDING_LIST_LIMIT, listInspectionFindings } from '@/lib/inspections/queries';
import { listRecordNodes } from '@/lib/records/queries';

export const metadata: Metadata = { title: '督查问题明细' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The findings behind one figure of the inspections page (drill-down), with its export. */
export default async function InspectionFindingsPage({ searchParams }: Props) {
  const me = await requirePermission('inspections.read', undefined, '/admin/inspections/findings');
  const filters = parseInspectionFilters(await searchParams, todayInBeijing());
  const [rows, nodes] = await Promise.all([listInspectionFindings(me, filters), listRecordNodes(me, { purpose: 'read' })]);
  const what = findingMeasureLabels[filters.measure ?? 'raised'];
  const exportHref = (format: 'csv' | 'xlsx') => `/admin/inspections/export${inspectionQueryString(filters, { format })}`;
  return (
    <>
      <p>
        <Link href={`/admin/inspections${inspectionQueryString({ ...filters, unit: undefined, measure: undefined })}`}>← 返回明察暗访</Link>
      </p>
      <h1 className={ui.title}>
        {filters.unit ?? '全部单位'}：{what}
      </h1>
      <p className={ui.muted}>
        {filters.from} 至 {filters.to} 提出的问题（按提出日期），共 {rows.length} 个{rows.length >= FINDING_LIST_LIMIT ? `（仅列前 ${FINDING_LIST_LIMIT} 个，请缩小范围或导出）` : ''}。
      </p>
      <InspectionFilterForm filters={filters} nodes={nodes} path="/admin/inspections/findings" label="筛选问题" />
      <p className={ui.toolbar}>
        导出：<a href={exportHref('csv')}>CSV</a> <a href={exportHref('xlsx')}>Excel（XLSX）</a>
      </p>
      <InspectionFindingTable rows={rows} caption={`${what}，最近提出的在前`} />
    </>
  );
}
