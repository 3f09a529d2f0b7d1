import type { DueItem } from '@/lib/development/types';
import styles from './development.module.css';

const stateText = { overdue: '已逾期', warning: '即将到期', upcoming: '未到期' } as const;

/** Open deadlines with their state in words (not colour alone) and, when asked, the rule. */
export function DueList({ items, withRule = false }: { items: DueItem[]; withRule?: boolean }) {
  if (items.length === 0) return <span>—</span>;
  return (
    <ul className={styles.dues}>
      {items.map((d) => (
        <li key={d.key}>
          <span className={styles[d.state]}>{stateText[d.state]}</span> {d.label}：{d.dueOn} 前
          {withRule ? <div className={styles.refused}>{d.rule}</div> : null}
        </li>
      ))}
    </ul>
  );
}
