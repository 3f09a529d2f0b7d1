import { cappedCountLabel } from '@/lib/pagination/offset';
import type { ReviewCounts as Counts } from '@/lib/reviews/types';
import styles from './reviews.module.css';

/** Records per review status under the queue's filters, and findings per state. */
export function ReviewCounts({ counts }: { counts: Counts }) {
  const items: [string, { total: number; capped: boolean }][] = [
    ['待审核记录', counts.submitted],
    ['审核合格', counts.reviewed],
    ['有问题待整改', counts.flagged],
    ['问题：待整改', counts.findings.open],
    ['问题：待复查', counts.findings.answered],
    ['问题：退回重改', counts.findings.reopened],
    ['问题：整改到位', counts.findings.closed],
    ['问题：已逾期', counts.findings.overdue],
  ];
  return (
    <ul className={styles.counts} aria-label="按状态统计">
      {items.map(([label, count]) => (
        <li key={label}>
          <strong>{cappedCountLabel(count)}</strong>
          {label}
        </li>
      ))}
    </ul>
  );
}
