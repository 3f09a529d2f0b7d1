import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { Pagination } from '@/components/news/Pagination';
import { requirePermission } from '@/lib/auth/current-user';
import { isForbidden } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { figureLabels, parseFigureQuery } from '@/lib/development/figure-keys';
import { developmentFigureSteps } from '@/lib/development/figures';
import { steps, type StepKind } from '@/lib/development/steps';

export const metadata: Metadata = { title: '发展党员年度数字：名单' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const stepLabel = (step: string) => (step === 'apply' ? '递交入党申请' : (steps[step as StepKind]?.label ?? step));

export default async function DevelopmentFigureStepsPage({ searchParams }: Props) {
  const me = await requirePermission('development.read', undefined, '/admin/development/figures');
  const params = await searchParams;
  const query = parseFigureQuery({ year: first(params.year), unit: first(params.unit), figure: first(params.figure), page: first(params.page) }, todayInBeijing());
  if (query.unitId === null || query.figure === null) notFound();
  const list = await developmentFigureSteps(me, { year: query.year, unitId: query.unitId, figure: query.figure, page: query.page }).catch((error: unknown) =>
    isForbidden(error) ? forbidden() : error instanceof AppError && error.code === 'not_found' ? notFound() : Promise.reject(error),
  );
  const href = (page: number) => `/admin/development/figures/steps?year=${list.year}&unit=${list.unit.id}&figure=${list.figure}${page > 1 ? `&page=${page}` : ''}`;
  return (
    <>
      <p>
        <Link href={`/admin/development/figures?year=${list.year}`}>返回 {list.year} 年发展党员数字</Link>
      </p>
      <h1 className={ui.title}>
        {list.year} 年{figureLabels[list.figure]}：{list.unit.name}
      </h1>
      <p className={ui.summary} role="status">
        <span>共 {list.total} 人次，按发生日期排列</span>
      </p>
      {list.items.length ? (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">{`${list.year} 年${figureLabels[list.figure]}名单`}</caption>
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">党组织</th>
                <th scope="col">步骤</th>
                <th scope="col">发生日期</th>
                <th scope="col">录入日期</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((s) => (
                <tr key={s.transitionId}>
                  <td>
                    <Link href={`/admin/development/${s.personId}`}>{s.name}</Link>
                  </td>
                  <td data-label="党组织">{s.branchName}</td>
                  <td data-label="步骤">{stepLabel(s.step)}</td>
                  <td data-label="发生日期">{s.decidedOn}</td>
                  <td data-label="录入日期">{s.enteredOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className={ui.panel}>该年没有此类步骤。</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} />
    </>
  );
}
