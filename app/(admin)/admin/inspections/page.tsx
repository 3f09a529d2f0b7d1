import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { InspectionFilterForm } from '@/components/inspections/InspectionFilterForm';
import { InspectionStatsTable } from '@/components/inspections/InspectionStatsTable';
import { InspectionTable } from '@/components/inspections/InspectionTable';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { inspectionQueryString, parseInspectionFilters } from '@/lib/inspections/filters';
import { getInspectionStats, listInspections } from '@/lib/inspections/queries';
import { listRecordNodes } from '@/lib/records/queries';

export const metadata: Metadata = { title: '明察暗访' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InspectionsPage({ searchParams }: Props) {
  const me = await requirePermission('inspections.read', undefined, '/admin/inspections');
  const params = await searchParams;
  const { measure: _measure, ...filters } = parseInspectionFilters(params, todayInBeijing());
  const [page, stats, nodes] = await Promise.all([listInspections(me, { ...filters, cursor: params.cursor }), getInspectionStats(me, filters), listRecordNodes(me, { purpose: 'read' })]);
  const auditor = can(me, 'inspections.manage');
  const exportHref = (format: 'csv' | 'xlsx') => `/admin/inspections/export${inspectionQueryString(filters, { format })}`;
  return (
    <>
      <h1 className={ui.title}>明察暗访</h1>
      <p className={ui.muted}>
        {auditor
          ? '对单位或组织的督查（明察、暗访、四不两直）及发现的问题。新建督查、登记问题后发布，被督查组织即可看到并答复整改。'
          : can(me, 'reviews.answer')
            ? '已发布的、对本组织（含下级）的督查及需要整改的问题。打开督查即可答复整改。'
            : '各单位的督查及问题整改情况（只读）。'}
      </p>
      {auditor && (
        <p>
          <Link className="button" href="/admin/inspections/new">
            新建督查
          </Link>
        </p>
      )}
      <InspectionFilterForm filters={filters} nodes={nodes} path="/admin/inspections" label="筛选督查" />
      <section aria-labelledby="figures">
        <h2 id="figures">问题整改情况</h2>
        <InspectionStatsTable stats={stats} filters={filters} />
        <p className={ui.toolbar}>
          导出问题明细：<a href={exportHref('csv')}>CSV</a> <a href={exportHref('xlsx')}>Excel（XLSX）</a>
        </p>
      </section>
      <section aria-labelledby="list">
        <h2 id="list">督查记录</h2>
        <InspectionTable items={page.items} caption={`${filters.from} 至 ${filters.to} 的督查，最近的在前，本页 ${page.items.length} 次`} />
        <KeysetPager page={page} label="督查记录分页" labels={{ first: '最近一页', last: '最早一页' }} href={(cursor) => `/admin/inspections${inspectionQueryString(filters, { cursor })}`} />
      </section>
    </>
  );
}
