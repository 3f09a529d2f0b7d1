import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import type { CoverageFigures } from '@/lib/training/coverage';
import { coverageHref, type CoverageParams } from '@/lib/training/coverage-params';
import type { UnitCoverage } from '@/lib/training/coverage-queries';

type Base = Pick<CoverageParams, 'year' | 'unitId'>;

/** A figure that opens the people it counts. */
function Figure({ base, unitId, show, secretaries, children, label }: { base: Base; unitId: number; show: CoverageParams['show']; secretaries?: boolean; children: React.ReactNode; label: string }) {
  return (
    <Link href={coverageHref({ ...base, unitId }, { show, secretaries: secretaries ?? false, page: 1 })}>
      {children}
      <span className="visually-hidden">（{label}，查看名单）</span>
    </Link>
  );
}

function Row({ base, id, name, f, isTotal, openable }: { base: Base; id: number; name: string; f: CoverageFigures; isTotal?: boolean; openable: boolean }) {
  // Below the top of the tree the figures open within the report's own node (the unit above may be out of scope).
  const target = openable ? id : (base.unitId ?? id);
  return (
    <tr>
      <td data-label="单位">{isTotal ? <strong>{name}</strong> : openable ? <Link href={coverageHref({ ...base, unitId: id })}>{name}</Link> : name}</td>
      <td data-label="书记轮训">
        <Figure base={base} unitId={target} show="trained" secretaries label={`${name}已参加轮训的书记 / 应训书记`}>
          {f.secretaries.trained} / {f.secretaries.required}
        </Figure>
      </td>
      <td data-label="书记和委员">
        <Figure base={base} unitId={target} show="trained" label={`${name}已参加轮训的书记和委员 / 应训人数`}>
          {f.trained} / {f.required}
        </Figure>
      </td>
      <td data-label="未轮训">
        <Figure base={base} unitId={target} show="untrained" label={`${name}未参加轮训人数`}>
          {f.untrained}
        </Figure>
      </td>
      <td data-label="新任期限未到">
        <Figure base={base} unitId={target} show="due" label={`${name}新任书记培训期限未到人数`}>
          {f.due}
        </Figure>
      </td>
      <td data-label="学时未达标">
        <Figure base={base} unitId={target} show="below" label={`${name}学时未达标人数`}>
          {f.belowHours}
        </Figure>
      </td>
    </tr>
  );
}

/** Per unit: secretaries trained / required, all leaders, the gaps; every figure links to its people. */
export function CoverageUnits({ base, units, total, root, caption }: { base: Base; units: UnitCoverage[]; total: CoverageFigures; root: { id: number; name: string; isTop: boolean }; caption: string }) {
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">书记已轮训 / 应训</th>
            <th scope="col">书记和委员已轮训 / 应训</th>
            <th scope="col">未轮训</th>
            <th scope="col">新任期限未到</th>
            <th scope="col">学时未达标</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <Row key={u.id} base={base} id={u.id} name={u.name} f={u.figures} openable={root.isTop} />
          ))}
          <Row base={base} id={root.id} name={`合计：${root.name}`} f={total} isTotal openable={root.isTop} />
        </tbody>
      </table>
    </div>
  );
}
