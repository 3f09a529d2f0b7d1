import ui from '@/components/admin/admin-ui.module.css';
import { percent } from '@/lib/compliance/evaluate';
import { complianceQuery } from '@/lib/compliance/filters';
import { ruleShortLabel } from '@/lib/compliance/labels';
import type { Rollup, RuleKey } from '@/lib/compliance/types';
import styles from './compliance.module.css';

// Plain links, not next/link: a year's summary holds hundreds of figures, and each client link
// component would add its props to the page's payload and a component to hydrate. A figure's
// link names only the figure: its unit and rule are the cell's row and column headers, which
// screen readers announce with it (the link's context under WCAG 2.4.4).

/**
 * Per unit (and in total): how many grass-roots organizations met each rule. The unit's name
 * opens its organizations; "缺 N" opens the N organizations that missed the rule, with why.
 */
export function UnitSummary({ units, total, keys, year, caption }: { units: Rollup[]; total: Rollup; keys: RuleKey[]; year: number; caption: string }) {
  const rows = units.length > 1 ? [...units, total] : [total];
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${styles.list}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">基层组织</th>
            <th scope="col">全部达标</th>
            {keys.map((k) => (
              <th scope="col" key={k}>
                {ruleShortLabel(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => {
            const isTotal = u === total && units.length > 1;
            const rate = percent(u.compliant, u.nodes);
            return (
              <tr key={isTotal ? 'total' : u.id}>
                <th scope="row" data-label="单位">
                  {isTotal ? <strong>合计</strong> : <a href={`/admin/compliance${complianceQuery({ branchId: u.id, year })}`}>{u.name}</a>}
                </th>
                <td data-label="基层组织">
                  {u.nodes}
                </td>
                <td data-label="全部达标">
                  {`${u.compliant}（${rate === null ? '—' : `${rate}%`}）`}
                </td>
                {keys.map((k) => {
                  const t = u.rules[k];
                  return (
                    <td key={k} data-label={ruleShortLabel(k)} className={t && t.missed > 0 ? styles.cellMissed : undefined}>
                      {t ? `${t.met}/${t.bound}` : '—'}
                      {t && t.missed > 0 && (
                        <>
                          {' '}
                          <a href={`/admin/compliance${complianceQuery({ branchId: u.id, year, gapsOnly: true, rule: k })}#grid`} className={styles.missing}>{`缺 ${t.missed}`}</a>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
