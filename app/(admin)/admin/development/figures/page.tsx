import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import formStyles from '@/components/forms/forms.module.css';
import { FiguresTable } from '@/components/development/FiguresTable';
import { requirePermission } from '@/lib/auth/current-user';
import { isForbidden } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { FIRST_FIGURE_YEAR, parseFigureQuery } from '@/lib/development/figure-keys';
import { developmentFigures } from '@/lib/development/figures';
import { emptyTreeReport } from '@/components/branches/EmptyTree';

export const metadata: Metadata = { title: '发展党员年度数字' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DevelopmentFiguresPage({ searchParams }: Props) {
  const me = await requirePermission('development.read', undefined, '/admin/development/figures');
  const empty = await emptyTreeReport(me, '发展党员年度数字');
  if (empty) return empty;
  const today = todayInBeijing();
  const { year } = parseFigureQuery({ year: first((await searchParams).year) }, today);
  const figures = await developmentFigures(me, year).catch((error: unknown) => (isForbidden(error) ? forbidden() : Promise.reject(error)));
  const years = Array.from({ length: Number(today.slice(0, 4)) - FIRST_FIGURE_YEAR + 1 }, (_, i) => Number(today.slice(0, 4)) - i);
  return (
    <>
      <p>
        <Link href="/admin/development">返回发展党员</Link>
      </p>
      <h1 className={ui.title}>发展党员年度数字</h1>
      <p className={ui.muted}>按各步骤实际发生的日期（会议、审批的日期）计入年份，不按录入时间；逾期补录的步骤计入其发生的年份。档案按所在党组织归入单位党组织。点击数字可查看名单。</p>
      <form method="get" className={ui.toolbar} aria-label="选择年份">
        <div className={formStyles.field}>
          <label htmlFor="figures-year">年份</label>
          <select id="figures-year" name="year" defaultValue={year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          查看
        </button>
      </form>
      <p className={ui.summary}>
        <span>
          {figures.year} 年 · {figures.root.name}
        </span>
        <a href={`/admin/development/figures/export?year=${figures.year}&format=csv`}>导出 CSV</a>
        <a href={`/admin/development/figures/export?year=${figures.year}&format=xlsx`}>导出 Excel（XLSX）</a>
      </p>
      <FiguresTable figures={figures} />
    </>
  );
}
