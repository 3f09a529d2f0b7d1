import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { positionLabels } from '@/lib/branches/kinds';
import type { LeaderCoverage } from '@/lib/training/coverage';
import { coverageStatusLabels, newSecretaryStateLabels } from '@/lib/training/coverage-labels';

const hours = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** People behind a figure: each links to the sessions and hours counted for them in the year. */
export function CoveragePeople({ people, year, caption }: { people: LeaderCoverage[]; year: number; caption: string }) {
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">组织</th>
            <th scope="col">职务</th>
            <th scope="col">轮训</th>
            <th scope="col">年度学时</th>
            <th scope="col">新任书记</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.personId}>
              <td data-label="姓名">
                <Link href={`/admin/training/coverage/people/${p.personId}?year=${year}`}>{p.name}</Link>
              </td>
              <td data-label="组织">
                {p.unitName === p.branchName ? p.branchName : `${p.unitName} › ${p.branchName}`}
              </td>
              <td data-label="职务">{positionLabels[p.position]}</td>
              <td data-label="轮训">
                {coverageStatusLabels[p.status]}
                {p.rotationOn ? `（${p.rotationOn} 结业）` : ''}
              </td>
              <td data-label="年度学时">
                {hours(p.hours)} / {p.minHours}
                {p.hoursMet ? '' : '（未达标）'}
              </td>
              <td data-label="新任书记">{p.newSecretary ? `${p.newSecretary.since} 任职，期限 ${p.newSecretary.deadline}，${newSecretaryStateLabels[p.newSecretary.state]}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
