import { findingStateLabels } from '@/lib/reviews/labels';
import type { FindingState } from '@/lib/reviews/types';
import styles from './reviews.module.css';

const stateClass: Record<FindingState, string | undefined> = { open: styles.stateOpen, reopened: styles.stateOpen, answered: styles.state, closed: styles.stateClosed };

export function FindingStateBadge({ state }: { state: FindingState }) {
  return <span className={stateClass[state]}>{findingStateLabels[state]}</span>;
}

/** 逾期: past its due day and not closed. */
export function OverdueMark({ overdue }: { overdue: boolean }) {
  return overdue ? <span className={styles.overdue}>已逾期</span> : null;
}
