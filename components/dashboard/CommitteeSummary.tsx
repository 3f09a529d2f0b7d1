import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/compliance/compliance.module.css';
import { percent } from '@/lib/compliance/evaluate';
import { ruleLabel } from '@/lib/compliance/labels';
import type { ComplianceReport } from '@/lib/compliance/types';
import desk from './dashboard.module.css';

/** The work committee's year so far, for admins and auditors: nodes meeting each rule. */
export function CommitteeSummary({ report }: { report: ComplianceReport }) {
  const { total } = report;
  const rate = percent(total.compliant, total.nodes);
  const weakest = [...report.units].filter((u) => u.nodes > 0).sort((a, b) => a.compliant / a.nodes - b.compliant / b.nodes).slice(0, 5);
  return (
    <section className={ui.panel} aria-labelledby="committee-summary">
      <h2 id="committee-summary" className={desk.heading}>
        {report.year}年组织生活落实情况
      </h2>
      <p>
        {total.name}：{total.nodes} 个基层组织中 {total.compliant} 个全部达标{rate === null ? '' : `（${rate}%）`}，统计至 {report.today}。
      </p>
      <ul className={desk.list}>
        {report.keys.map((k) => {
          const t = total.rules[k];
          return t ? (
            <li key={k}>
              {ruleLabel(k)}：达标 {t.met}/{t.bound}
              {t.missed > 0 && <span className={styles.missing}>，缺 {t.missed}</span>}
            </li>
          ) : null;
        })}
      </ul>
      {weakest.length > 1 && (
        <>
          <h3 className={desk.subheading}>达标率最低的单位</h3>
          <ul className={desk.list}>
            {weakest.map((u) => (
              <li key={u.id}>
                <Link href={`/admin/compliance?branch=${u.id}&year=${report.year}`}>{u.name}</Link>：{u.compliant}/{u.nodes}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href={`/admin/compliance?year=${report.year}`}>查看落实情况</Link>
      </p>
    </section>
  );
}
