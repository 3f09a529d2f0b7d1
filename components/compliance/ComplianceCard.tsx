import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { percent } from '@/lib/compliance/evaluate';
import { complianceQuery } from '@/lib/compliance/filters';
import { ruleLabel } from '@/lib/compliance/labels';
import { recordsHref } from '@/lib/compliance/links';
import { periodLabel } from '@/lib/compliance/periods';
import type { ComplianceCardData } from '@/lib/compliance/types';
import styles from './compliance.module.css';
import { StateBadge } from './StateBadge';

/** A node's compliance for a year, for the branch page: its own rules and its subtree's tally. */
export function ComplianceCard({ data, headingLevel = 2 }: { data: ComplianceCardData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const { node, year, today, own, subtree } = data;
  const until = `${year}-12-31` < today ? `${year}-12-31` : today;
  const rate = percent(subtree.compliant, subtree.nodes);
  return (
    <section className={ui.panel} aria-labelledby={`compliance-card-${node.id}`}>
      <Heading id={`compliance-card-${node.id}`} className={styles.section}>
        {year}年组织生活落实情况
      </Heading>
      {own ? (
        <ul className={styles.checks}>
          {own.rules.map((r) => {
            const missed = r.periods.filter((p) => p.state === 'missed');
            return (
              <li key={r.key}>
                <StateBadge state={r.state}>{ruleLabel(r.key)}</StateBadge>{' '}
                <Link href={recordsHref({ branchId: node.id, kind: r.key === 'secretary_lecture' ? 'party_lecture' : r.key, from: `${year}-01-01`, to: until })}>
                  实开 {r.held} 次<span className="visually-hidden">（{ruleLabel(r.key)}，查看记录）</span>
                </Link>
                {r.late > 0 && <span className={styles.late}>逾期补录 {r.late}</span>}
                {missed.length > 0 && <span className={styles.missing}> 缺：{missed.map((p) => periodLabel(p.period)).join('、')}</span>}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className={styles.note}>本组织不直接适用频次规则。</p>
      )}
      {subtree.nodes > (own ? 1 : 0) && (
        <p>
          含下级共 {subtree.nodes} 个基层组织，全部达标 {subtree.compliant} 个{rate === null ? '' : `（${rate}%）`}。
        </p>
      )}
      <p>
        <Link href={`/admin/compliance${complianceQuery({ branchId: node.id, year })}`}>查看明细</Link>
      </p>
    </section>
  );
}
