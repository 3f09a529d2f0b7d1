import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { StateBadge } from '@/components/compliance/StateBadge';
import styles from '@/components/compliance/compliance.module.css';
import { ruleLabel } from '@/lib/compliance/labels';
import { positionLabels } from '@/lib/branches/kinds';
import { personHref, recordHref, recordsHref } from '@/lib/compliance/links';
import { periodLabel } from '@/lib/compliance/periods';
import type { DueItem, SecretaryDashboard } from '@/lib/compliance/types';
import { activityKindLabels } from '@/lib/records/labels';
import desk from './dashboard.module.css';

const kindOf = (key: DueItem['key']) => (key === 'secretary_lecture' ? 'party_lecture' : key);

function DueList({ items, empty, branchCount }: { items: DueItem[]; empty: string; branchCount: number }) {
  if (items.length === 0) return <p className={styles.note}>{empty}</p>;
  return (
    <ul className={desk.list}>
      {items.map((d) => (
        <li key={`${d.node.id}-${d.key}-${d.check.period.unit}-${d.check.period.index}`}>
          <StateBadge state={d.check.state}>{ruleLabel(d.key)}</StateBadge>{' '}
          <span>
            {periodLabel(d.check.period)}
            {d.check.period.unit !== 'month' ? `（${d.check.period.from} 至 ${d.check.period.to}）` : ''}要求 {d.check.required} 次，已开{' '}
            <Link href={recordsHref({ branchId: d.node.id, kind: kindOf(d.key), from: d.check.period.from, to: d.check.period.to })}>
              {d.check.held} 次<span className="visually-hidden">（查看{ruleLabel(d.key)}记录）</span>
            </Link>
          </span>
          {branchCount > 1 && <span className={styles.nodeKind}>{d.node.name}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The secretary's desk on /admin: due now, missed last month, late entries, terms ending. */
export function SecretaryDesk({ data }: { data: SecretaryDashboard }) {
  const nodes = new Set([...data.dueNow, ...data.missedLastMonth].map((d) => d.node.id)).size;
  return (
    <div className={desk.grid}>
      <section className={ui.panel} aria-labelledby="desk-due">
        <h2 id="desk-due" className={desk.heading}>
          本期待完成
        </h2>
        <p className={styles.note}>
          {data.branch.name}：截至 {data.today} 尚未达到规定次数的事项（本月、本季度和本年度）。
        </p>
        <DueList items={data.dueNow} empty="本月、本季度和本年度要求的组织生活均已完成。" branchCount={nodes} />
        <p>
          <Link href="/admin/records/new" className="button">
            登记组织生活
          </Link>
        </p>
      </section>
      <section className={ui.panel} aria-labelledby="desk-missed">
        <h2 id="desk-missed" className={desk.heading}>
          上月缺项（{data.lastMonth.year}年{data.lastMonth.index}月）
        </h2>
        <DueList items={data.missedLastMonth} empty="上月结束的周期没有缺项。" branchCount={nodes} />
      </section>
      <section className={ui.panel} aria-labelledby="desk-late">
        <h2 id="desk-late" className={desk.heading}>
          逾期补录的记录
        </h2>
        {data.lateEntries.length === 0 ? (
          <p className={styles.note}>今年和去年没有逾期补录的记录。</p>
        ) : (
          <ul className={desk.list}>
            {data.lateEntries.map((e) => (
              <li key={e.id}>
                <Link href={recordHref(e.id)}>
                  {activityKindLabels[e.kind]}（{e.heldOn} 召开）
                </Link>
                <span className={styles.late}>
                  {e.submittedOn} 提交，晚 {e.daysLate} 天
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={ui.panel} aria-labelledby="desk-terms">
        <h2 id="desk-terms" className={desk.heading}>
          任期提醒
        </h2>
        {data.termsEnding.length === 0 ? (
          <p className={styles.note}>{data.termWarningDays} 天内没有届满的委员任期。</p>
        ) : (
          <ul className={desk.list}>
            {data.termsEnding.map((t) => (
              <li key={t.id}>
                <Link href={personHref(t.personId)}>{t.personName}</Link>（{t.branchName} {positionLabels[t.position]}）任期至 {t.endsOn}，
                {t.daysLeft >= 0 ? <strong>还有 {t.daysLeft} 天届满</strong> : <strong className={styles.missing}>已届满 {-t.daysLeft} 天，请及时换届</strong>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
