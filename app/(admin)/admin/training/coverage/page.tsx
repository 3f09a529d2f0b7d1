import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/compliance/compliance.module.css';
import { Pagination } from '@/components/news/Pagination';
import { CoveragePeople } from '@/components/training/CoveragePeople';
import { CoverageUnits } from '@/components/training/CoverageUnits';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { offsetOf, pageCountOf } from '@/lib/pagination/offset';
import { matchesShow } from '@/lib/training/coverage';
import { coverageShowLabels } from '@/lib/training/coverage-labels';
import { coverageHref, parseCoverageParams } from '@/lib/training/coverage-params';
import { coverageReport } from '@/lib/training/coverage-queries';
import { emptyTreeReport } from '@/components/branches/EmptyTree';

export const metadata: Metadata = { title: '培训覆盖情况' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;
const UNITS_PAGE_SIZE = 50;
const NAMED_MAX = 20;

function refuse(error: unknown): never {
  if (error instanceof AppError && error.code === 'forbidden') forbidden();
  if (error instanceof AppError && error.code === 'not_found') notFound();
  throw error;
}

export default async function TrainingCoveragePage({ searchParams }: Props) {
  await connection();
  const me = await requirePermission('training.read', undefined, '/admin/training/coverage');
  const empty = await emptyTreeReport(me, '培训覆盖情况');
  if (empty) return empty;
  const today = todayInBeijing();
  const params = parseCoverageParams(await searchParams, today);
  const report = await coverageReport(me, { year: params.year, unitId: params.unitId, today }).catch(refuse);
  // Figures open within the report's node: the asked unit, or a secretary's own branch.
  const base = { year: report.year, unitId: report.root.isTop ? params.unitId : report.root.id };
  const { total, ruleSet } = report;
  const untrainedSecretaries = report.people.filter((p) => p.isSecretary && p.status === 'untrained');
  const listed = params.show ? report.people.filter((p) => matchesShow(p, params.show!, params.secretaries)) : [];
  const pageCount = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  // The city has hundreds of units: the table pages, the total row always covers them all.
  const unitPageCount = pageCountOf(report.units.length, UNITS_PAGE_SIZE);
  const unitPage = Math.min(params.unitPage, unitPageCount);
  const thisYear = Number(today.slice(0, 4));
  const exportQuery = `year=${report.year}${params.unitId ? `&unit=${params.unitId}` : ''}`;
  return (
    <>
      <h1 className={ui.title}>培训覆盖情况</h1>
      <p className={ui.muted}>
        应训人员为当年任一天在任的党组织书记和委员（年中离任的仍计入当年）；参加轮训指当年结业的轮训班；新任书记指当年首次任书记、或培训期限落在当年的书记。学时按课程举办日期、网络课程按结业日期、大讲堂按确认出席计算。年度要求按当年 12 月 31 日有效的规则
        {ruleSet ? `（${ruleSet.name}：书记和委员不少于 ${ruleSet.rules.leaderMinHours} 学时${ruleSet.rules.leaderRotationRequired ? '，含一次轮训' : ''}；新任书记 ${ruleSet.rules.newSecretaryWithinMonths} 个月内完成培训）` : '（尚未设置培训规则）'}。
        {can(me, 'rules.read') && <Link href="/admin/rules">查看规则设置</Link>}
      </p>
      <nav aria-label="选择年度" className={ui.summary}>
        {[thisYear, thisYear - 1, thisYear - 2].map((y) =>
          y === report.year ? (
            <span key={y} aria-current="page">
              <strong>{y}年</strong>
            </span>
          ) : (
            <Link key={y} href={coverageHref({ year: y, unitId: params.unitId })}>
              {y}年
            </Link>
          ),
        )}
        {params.unitId && <Link href={coverageHref({ year: report.year, unitId: null })}>返回全部</Link>}
      </nav>

      <h2 className={styles.section}>
        {report.root.name} {report.year}年
      </h2>
      <ul className={styles.tiles} aria-label="总体情况">
        <li>
          <Link href={coverageHref(base, { show: 'trained', secretaries: true })}>书记已轮训 / 应训</Link>
          <strong>
            {total.secretaries.trained} / {total.secretaries.required}
          </strong>
        </li>
        <li>
          <Link href={coverageHref(base, { show: 'trained' })}>书记和委员已轮训 / 应训</Link>
          <strong>
            {total.trained} / {total.required}
          </strong>
        </li>
        <li>
          <Link href={coverageHref(base, { show: 'untrained' })}>未参加轮训</Link>
          <strong>{total.untrained}</strong>
        </li>
        <li>
          <Link href={coverageHref(base, { show: 'due' })}>新任书记，期限未到</Link>
          <strong>{total.due}</strong>
        </li>
        <li>
          <Link href={coverageHref(base, { show: 'new-overdue' })}>新任书记逾期未培训</Link>
          <strong>
            {total.newSecretaries.overdue} / {total.newSecretaries.total}
          </strong>
        </li>
        <li>
          <Link href={coverageHref(base, { show: 'below' })}>学时未达标</Link>
          <strong>{total.belowHours}</strong>
        </li>
      </ul>

      <section aria-labelledby="untrained-title" className={ui.panel}>
        <h2 id="untrained-title" className={styles.section}>
          未参加轮训的书记（{untrainedSecretaries.length} 人）
        </h2>
        {untrainedSecretaries.length === 0 ? (
          <p>{report.year}年应训书记均已参加轮训{total.secretaries.due > 0 ? `（另有 ${total.secretaries.due} 名新任书记培训期限未到）` : ''}。</p>
        ) : (
          <ul>
            {untrainedSecretaries.slice(0, NAMED_MAX).map((p) => (
              <li key={p.personId}>
                <Link href={`/admin/training/coverage/people/${p.personId}?year=${report.year}`}>{p.name}</Link>（{p.unitName === p.branchName ? p.branchName : `${p.unitName} › ${p.branchName}`}）
              </li>
            ))}
            {untrainedSecretaries.length > NAMED_MAX && (
              <li>
                <Link href={coverageHref(base, { show: 'untrained', secretaries: true })}>查看全部 {untrainedSecretaries.length} 人</Link>
              </li>
            )}
          </ul>
        )}
      </section>

      {report.units.length > 0 && (
        <>
          <h2 id="units" className={styles.section}>
            按单位汇总（{report.units.length} 个单位{unitPageCount > 1 ? `，第 ${unitPage}/${unitPageCount} 页` : ''}）
          </h2>
          <p className={styles.note}>“已轮训 / 应训”中，新任书记培训期限未到的计入应训但不计为未轮训；点击数字查看对应人员。</p>
          <CoverageUnits
            base={base}
            units={report.units.slice(offsetOf(unitPage, UNITS_PAGE_SIZE), unitPage * UNITS_PAGE_SIZE)}
            total={total}
            root={report.root}
            caption={`${report.year}年各单位书记和委员轮训情况`}
          />
          <Pagination label="单位分页" page={unitPage} pageCount={unitPageCount} href={(p) => coverageHref(base, { unitPage: p })} />
        </>
      )}

      <div className={ui.summary}>
        <a href={`/admin/training/coverage/export?${exportQuery}&format=csv`} download>
          导出 CSV
        </a>
        <a href={`/admin/training/coverage/export?${exportQuery}&format=xlsx`} download>
          导出 Excel
        </a>
      </div>

      {params.show && (
        <section aria-labelledby="people">
          <h2 id="people" className={styles.section}>
            {params.secretaries ? '书记：' : ''}
            {coverageShowLabels[params.show]}
          </h2>
          <p role="status">
            共 {listed.length} 人{pageCount > 1 ? `，第 ${page}/${pageCount} 页` : ''}
          </p>
          {listed.length > 0 && (
            <CoveragePeople people={listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)} year={report.year} caption={`${report.root.name}${report.year}年${coverageShowLabels[params.show]}`} />
          )}
          <Pagination label="人员分页" page={page} pageCount={pageCount} href={(p) => coverageHref(base, { show: params.show, secretaries: params.secretaries, page: p })} />
        </section>
      )}
    </>
  );
}
