import ui from '@/components/admin/admin-ui.module.css';
import { percent } from '@/lib/compliance/evaluate';
import { complianceQuery } from '@/lib/compliance/filters';
import { ruleLabel, ruleShortLabel } from '@/lib/compliance/labels';
import { recordsHref } from '@/lib/compliance/links';
import type { Rollup, RuleKey } from '@/lib/compliance/types';
import styles from './compliance.module.css';

const kindOf = (key: RuleKey) => (key === 'secretary_lecture' ? 'party_lecture' : key);

// Plain links, not next/link: a year's summary holds hundreds of figures, and each client link
// component would add its props to the page's payload and a component to hydrate.

/** Per unit (and in total): how many grass-roots organizations met each rule, linked to the unit's page and records. */
export function UnitSummary({ units, total, keys, year, until, caption }: { units: Rollup[]; total: Rollup; keys: RuleKey[]; year: number; until: string; caption: string }) {
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
                  {isTotal ? (
                    <strong>合计</strong>
                  ) : (
                    <a href={`/admin/compliance${complianceQuery({ branchId: u.id, year })}`}>{u.name}</a>
                  )}
                </th>
                <td data-label="基层组织" className={styles.figure}>
                  {u.nodes}
                </td>
                <td data-label="全部达标" className={styles.figure}>
                  {`${u.compliant}（${rate === null ? '—' : `${rate}%`}）`}
                </td>
                {keys.map((k) => {
                  const t = u.rules[k];
                  return (
                    <td key={k} data-label={ruleShortLabel(k)} className={`${styles.figure} ${t && t.missed > 0 ? styles.cellMissed : ''}`}>
                      {t ? (
                        <a href={recordsHref({ branchId: u.id, kind: kindOf(k), from: `${year}-01-01`, to: until })}>
                          {`${t.met}/${t.bound}`}
                          <span className="visually-hidden">{`：${isTotal ? '合计' : u.name}${ruleLabel(k)}达标 ${t.met} 个，共 ${t.bound} 个，查看记录`}</span>
                        </a>
                      ) : (
                        '—'
                      )}
                      {t && t.missed > 0 && <span className={styles.missing}>{` 缺 ${t.missed}`}</span>}
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
