import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { type FigureKey, figureKeys, figureLabels } from '@/lib/development/figure-keys';
import type { DevelopmentFigures, FigureRow } from '@/lib/development/figures';

const stepsHref = (year: number, unitId: number, figure: FigureKey) => `/admin/development/figures/steps?year=${year}&unit=${unitId}&figure=${figure}`;

/** Units × figures; every number links to the steps behind it. Cards at phone width. */
export function FiguresTable({ figures }: { figures: DevelopmentFigures }) {
  const row = (r: FigureRow, total: boolean) => (
    <tr key={total ? 'total' : r.id}>
      <td>{total ? `合计：${r.name}` : r.name}</td>
      {figureKeys.map((k) => (
        <td key={k} data-label={figureLabels[k]}>
          <Link href={stepsHref(figures.year, r.id, k)} aria-label={`${total ? '合计' : r.name}${figureLabels[k]} ${r.counts[k]} 人，查看名单`}>
            {r.counts[k]}
          </Link>
        </td>
      ))}
    </tr>
  );
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">{`${figures.year} 年发展党员工作数字，按单位党组织`}</caption>
        <thead>
          <tr>
            <th scope="col">单位党组织</th>
            {figureKeys.map((k) => (
              <th key={k} scope="col">
                {figureLabels[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.units.map((u) => row(u, false))}
          {row(figures.total, true)}
        </tbody>
      </table>
    </div>
  );
}
