import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import type { CoverageFigures } from '@/lib/training/coverage';
import { coverageHref, type CoverageParams } from '@/lib/training/coverage-params';
import type { UnitCoverage } from '@/lib/training/coverage-queries';

type Base = Pick<CoverageParams, 'year' | 'unitId'>;

/** A figure that opens the people it counts. */
function Figure({ base, unitId, show, secretaries, children, label }: { base: Base; unitId: number; show: CoverageParams['show']; secretaries?: boolean; children: React.ReactNode; label: string }) {
  return (
    <Link href={coverageHref({ ...base, unitId }, { show, secretaries: secretaries ?? false, page: 1 })} aria-label={label}>
      {children}
    </Link>
  );
}

function Row({ base, id, name, f, isTotal }: { base: Base; id: number; name: string; f: CoverageFigures; isTotal?: boolean }) {
  return (
    <tr>
      <td data-label="单位">{isTotal ? <strong>{name}</strong> : <Link href={coverageHref({ ...base, unitId: id })}>{name}</Link>}</td>
      <td data-label="书记轮训">
        <Figure base={base} unitId={id} show="trained" secretaries label={`${name}：已参加轮训的书记 ${f.secretaries.trained} 人，应训 ${f.secretaries.required} 人`}>
          {f.secretaries.trained} / {f.secretaries.required}
        </Figure>
      </td>
      <td data-label="书记和委员">
        <Figure base={base} unitId={id} show="trained" label={`${name}：已参加轮训的书记和委员 ${f.trained} 人，应训 ${f.required} 人`}>
          {f.trained} / {f.required}
        </Figure>
      </td>
      <td data-label="未轮训">
        <Figure base={base} unitId={id} show="untrained" label={`${name}：未参加轮训 ${f.untrained} 人`}>
          {f.untrained}
        </Figure>
      </td>
      <td data-label="新任期限未到">
        <Figure base={base} unitId={id} show="due" label={`${name}：新任书记培训期限未到 ${f.due} 人`}>
          {f.due}
        </Figure>
      </td>
      <td data-label="学时未达标">
        <Figure base={base} unitId={id} show="below" label={`${name}：学时未达标 ${f.belowHours} 人`}>
          {f.belowHours}
        </Figure>
      </td>
    </tr>
  );
}

/** Per unit: secretaries trained / required, all leaders, the gaps; every figure links to its people. */
export function CoverageUnits({ base, units, total, rootId, rootName, caption }: { base: Base; units: UnitCoverage[]; total: CoverageFigures; rootId: number; rootName: string; caption: string }) {
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
            <Row key={u.id} base={base} id={u.id} name={u.name} f={u.figures} />
          ))}
          <Row base={base} id={rootId} name={`合计：${rootName}`} f={total} isTotal />
        </tbody>
      </table>
    </div>
  );
}
