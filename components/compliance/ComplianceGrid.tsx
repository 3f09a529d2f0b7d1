import ui from '@/components/admin/admin-ui.module.css';
import { ruleShortLabel } from '@/lib/compliance/labels';
import { recordsHref } from '@/lib/compliance/links';
import { periodLabel, periodsOf, yearPeriod } from '@/lib/compliance/periods';
import type { Granularity, NodeCompliance, RuleCheck, RuleKey } from '@/lib/compliance/types';
import { branchKindLabels } from '@/lib/branches/kinds';
import styles from './compliance.module.css';
import { StateBadge } from './StateBadge';

// A figure's link names only the figure: the organization and the rule or period are the cell's
// row and column headers (and, by period, the rule's badge in the same item), which screen
// readers announce with it; repeating them in every link doubled the page's weight.

type GridProps = { nodes: NodeCompliance[]; keys: RuleKey[]; year: number; today: string; granularity: Granularity; caption: string };

const kindOf = (key: RuleKey) => (key === 'secretary_lecture' ? 'party_lecture' : key);

function NodeHeader({ node }: { node: NodeCompliance['node'] }) {
  return (
    <th scope="row" data-label="组织">
      {node.name}
      <span className={styles.nodeKind}>{branchKindLabels[node.kind]}</span>
    </th>
  );
}

/** One node × rule for the year: the state, what was held (linked to those records), what is missing, late entries. */
function YearCell({ check, node, year, today }: { check: RuleCheck; node: NodeCompliance['node']; year: number; today: string }) {
  const { from, to } = yearPeriod(year);
  const until = to < today ? to : today;
  const due = check.periods.filter((p) => p.state !== 'future');
  const met = due.filter((p) => p.state === 'met').length;
  const missed = check.periods.filter((p) => p.state === 'missed');
  return (
    <td data-label={ruleShortLabel(check.key)} className={`${styles.cell} ${check.state === 'missed' ? styles.cellMissed : check.state === 'met' ? styles.cellMet : ''}`}>
      <StateBadge state={check.state} />
      <ul>
        <li>
          <a href={recordsHref({ branchId: node.id, kind: kindOf(check.key), from, to: until })} className={styles.figure}>
            {`实开 ${check.held} 次`}
          </a>
          {check.late > 0 && (
            <a href={recordsHref({ branchId: node.id, kind: kindOf(check.key), from, to: until, late: true })} className={styles.late}>
              {`逾期补录 ${check.late}`}
            </a>
          )}
        </li>
        {check.periods.length > 1 && (
          <li className={styles.figure}>{`达标周期 ${met}/${due.length}`}</li>
        )}
        {missed.length > 0 && <li className={styles.missing}>缺：{missed.map((p) => periodLabel(p.period)).join('、')}</li>}
      </ul>
    </td>
  );
}

/** One node × period: each rule due in that period, with its figure linked to the records. */
function PeriodCell({ node, rules, unit, index, label }: { node: NodeCompliance['node']; rules: RuleCheck[]; unit: Granularity; index: number; label: string }) {
  const checks = rules.flatMap((r) => r.periods.filter((p) => p.period.unit === unit && p.period.index === index).map((p) => ({ key: r.key, p })));
  const missed = checks.some((c) => c.p.state === 'missed');
  const allMet = checks.length > 0 && checks.every((c) => c.p.state === 'met');
  return (
    <td data-label={label} className={`${styles.cell} ${missed ? styles.cellMissed : allMet ? styles.cellMet : ''}`}>
      {checks.length === 0 ? (
        <span className={styles.note}>无要求</span>
      ) : (
        <ul className={styles.checks}>
          {checks.map(({ key, p }) => (
            <li key={key}>
              <StateBadge state={p.state}>{ruleShortLabel(key)}</StateBadge>{' '}
              <a href={recordsHref({ branchId: node.id, kind: kindOf(key), from: p.period.from, to: p.period.to })} className={styles.figure}>
                {`${p.held}/${p.required}`}
              </a>
              {p.late > 0 && (
                <a href={recordsHref({ branchId: node.id, kind: kindOf(key), from: p.period.from, to: p.period.to, late: true })} className={styles.late}>
                  {`迟 ${p.late}`}
                  <span className="visually-hidden">次逾期补录</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

/** Nodes × rules (by year) or nodes × periods (by quarter or month), every figure linked to its records. */
export function ComplianceGrid({ nodes, keys, year, today, granularity, caption }: GridProps) {
  if (nodes.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有符合条件的基层组织。
      </p>
    );
  }
  const periods = granularity === 'year' ? [] : periodsOf(year, granularity);
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${styles.list}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">组织</th>
            {granularity === 'year'
              ? keys.map((k) => (
                  <th scope="col" key={k}>
                    {ruleShortLabel(k)}
                  </th>
                ))
              : periods.map((p) => (
                  <th scope="col" key={p.index}>
                    {periodLabel(p)}
                  </th>
                ))}
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.node.id}>
              <NodeHeader node={n.node} />
              {granularity === 'year'
                ? keys.map((k) => {
                    const check = n.rules.find((r) => r.key === k);
                    return check ? (
                      <YearCell key={k} check={check} node={n.node} year={year} today={today} />
                    ) : (
                      <td key={k} data-label={ruleShortLabel(k)} className={styles.note}>
                        不适用
                      </td>
                    );
                  })
                : periods.map((p) => <PeriodCell key={p.index} node={n.node} rules={n.rules} unit={granularity} index={p.index} label={periodLabel(p)} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
