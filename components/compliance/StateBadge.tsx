import { stateLabels } from '@/lib/compliance/labels';
import type { CheckState } from '@/lib/compliance/types';
import styles from './compliance.module.css';

/** A state in words and a symbol, coloured as well (never colour alone). */
export function StateBadge({ state, children }: { state: CheckState; children?: React.ReactNode }) {
  const { icon, text } = stateLabels[state];
  return (
    <span className={styles[state]}>
      <span aria-hidden="true">{icon}</span>
      {children ?? text}
      {children ? <span className="visually-hidden">{`（${text}）`}</span> : null}
    </span>
  );
}
