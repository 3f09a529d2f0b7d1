import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import { Pagination } from '@/components/news/Pagination';
import { ComplianceFilterForm } from '@/components/compliance/ComplianceFilterForm';
import { ComplianceGrid } from '@/components/compliance/ComplianceGrid';
import { UnitSummary } from '@/components/compliance/UnitSummary';
import styles from '@/components/compliance/compliance.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { percent } from '@/lib/compliance/evaluate';
import { complianceQuery, granularityLabels, listedNodes, parseComplianceFilters, yearOptions } from '@/lib/compliance/filters';
import { ruleLabel } from '@/lib/compliance/labels';
import { recordsHref } from '@/lib/compliance/links';
import { todayInBeijing } from '@/lib/calendar/days';
import { complianceNodeOptions, complianceReport } from '@/lib/compliance/queries';
import { AppError } from '@/lib/errors';
import type { Granularity } from '@/lib/compliance/types';
import { branchKindLabels } from '@/lib/branches/kinds';
import { emptyTreeReport } from '@/components/branches/EmptyTree';

export const metadata: Metadata = { title: '落实情况' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Organizations a page: a row of the month view is a dozen cells of figures and links, and the
// page's weight (HTML and its RSC payload) is most of its server time at city size.
const PAGE_SIZE: Record<Granularity, number> = { year: 20, quarter: 20, month: 10 };

/** A node outside the actor's scope answers 403, an unknown one 404; never a 500. */
function refuse(error: unknown): never {
  if (error instanceof AppError && error.code === 'forbidden') forbidden();
  if (error instanceof AppError && error.code === 'not_found') notFound();
  throw error;
}

export default async function CompliancePage({ searchParams }: Props) {
  await connection();
  const me = await requirePermission('compliance.read', undefined, '/admin/compliance');
  const empty = await emptyTreeReport(me, '落实情况');
  if (empty) return empty;
  const today = todayInBeijing();
  const filters = parseComplianceFilters(await searchParams, today);
  const [report, nodeOptions] = await Promise.all([
    complianceReport(me, { branchId: filters.branchId, year: filters.year, today }),
    complianceNodeOptions(me, filters.branchId ?? undefined),
  ]).catch(refuse);
  const listed = listedNodes(report.nodes, filters);
  const pageSize = PAGE_SIZE[filters.granularity];
  const pageCount = Math.max(1, Math.ceil(listed.length / pageSize));
  const page = Math.min(filters.page, pageCount);
  const shown = listed.slice((page - 1) * pageSize, page * pageSize);
  // The units' summary is the year's overview; a page deeper into the grid, another view or a
  // list of gaps links back to it instead of repeating its hundreds of figures.
  const overview = filters.granularity === 'year' && page === 1 && !filters.gapsOnly;
  const until = `${report.year}-12-31` < today ? `${report.year}-12-31` : today;
  const total = report.total;
  const rate = percent(total.compliant, total.nodes);
  const base = { ...filters, branchId: report.root.id };
  return (
    <>
      <h1 className={ui.title}>落实情况</h1>
      <p className={ui.muted}>
        按会议实际召开日期（而非登记日期）统计“三会一课”等组织生活是否达到规定频次；登记晚于召开日期超过规定天数的记为逾期补录。每个周期适用该周期第一天有效的规则
        {report.ruleSets.length > 0 && <>（{report.year}年适用：{report.ruleSets.map((s) => `${s.name}，${s.effectiveFrom} 起`).join('；')}）</>}。
        {can(me, 'rules.read') && <Link href="/admin/rules">查看规则设置</Link>}
      </p>
      <nav aria-label="选择年度" className={ui.summary}>
        {yearOptions(today)
          .slice(0, 3)
          .map((y) =>
            y === report.year ? (
              <span key={y} aria-current="page">
                <strong>{y}年</strong>
              </span>
            ) : (
              <Link key={y} href={`/admin/compliance${complianceQuery({ ...base, year: y, page: 1 })}`}>
                {y}年
              </Link>
            ),
          )}
      </nav>
      <ComplianceFilterForm filters={filters} rootId={report.root.id} nodes={nodeOptions} years={yearOptions(today)} keys={report.keys} />

      <h2 className={styles.section}>
        {report.root.name}（{branchKindLabels[report.root.kind]}）{report.year}年
      </h2>
      <ul className={styles.tiles} aria-label="总体情况">
        <li>
          基层组织<strong>{total.nodes}</strong>
        </li>
        <li>
          全部达标<strong>{total.compliant}</strong>
        </li>
        <li>
          达标率<strong>{rate === null ? '—' : `${rate}%`}</strong>
        </li>
        <li>
          <Link href={recordsHref({ branchId: report.root.id, from: `${report.year}-01-01`, to: until, late: true })}>
            逾期补录记录<span className="visually-hidden">（{report.year}年，查看记录）</span>
          </Link>
          <strong>{report.nodes.reduce((n, e) => n + e.rules.filter((r) => r.key !== 'secretary_lecture').reduce((m, r) => m + r.late, 0), 0)}</strong>
        </li>
      </ul>
      {report.nodes.length > 0 &&
        (overview ? (
          <>
            <h2 className={styles.section}>按单位汇总</h2>
            <p className={styles.note}>每格为“达标组织数/应达标组织数”，点击单位名称查看其各组织情况，点击“缺”查看未达标的组织及原因；统计至 {until}，进行中的周期不计为未达标。</p>
            <UnitSummary units={report.units} total={total} keys={report.keys} year={report.year} caption={`${report.year}年各单位落实情况汇总`} />
          </>
        ) : (
          <p>
            <a href={`/admin/compliance${complianceQuery({ branchId: report.root.id, year: report.year })}`}>查看{report.year}年按单位汇总</a>
          </p>
        ))}

      <h2 className={styles.section} id="grid">
        各基层组织{granularityLabels[filters.granularity]}情况
      </h2>
      <div className={ui.summary}>
        <p role="status">
          {filters.rule ? `${ruleLabel(filters.rule)}未达标的组织` : filters.gapsOnly ? '未达标的组织' : '基层组织'}共 {listed.length} 个{pageCount > 1 ? `，第 ${page}/${pageCount} 页` : ''}
        </p>
        <a href={`/admin/compliance/export${complianceQuery({ ...base, page: 1 }, { format: 'csv' })}`} download>
          导出 CSV
        </a>
        <a href={`/admin/compliance/export${complianceQuery({ ...base, page: 1 }, { format: 'xlsx' })}`} download>
          导出 Excel
        </a>
      </div>
      {filters.granularity !== 'year' && (
        <p className={styles.note}>
          {granularityLabels[filters.granularity]}视图列出以{filters.granularity === 'month' ? '月' : '季度'}为周期的规则；其他周期的规则（如{ruleLabel('organizational_life_meeting')}）见“按年”视图。
        </p>
      )}
      <ComplianceGrid
        nodes={shown}
        keys={report.keys}
        year={report.year}
        today={today}
        granularity={filters.granularity}
        caption={`${report.root.name}${report.year}年各基层组织落实情况（${granularityLabels[filters.granularity]}）`}
      />
      <Pagination page={page} pageCount={pageCount} href={(p) => `/admin/compliance${complianceQuery({ ...base, page: p })}#grid`} />

      <h2 className={styles.section}>预警</h2>
      <p>
        <a href={`/admin/compliance/inactive${complianceQuery({ branchId: report.root.id })}`}>长期未参加组织生活的党员名单</a>
        <span className={styles.note}>（{report.root.name}及下级组织；连续月数按现行规则）</span>
      </p>
    </>
  );
}
