import { activityStatusLabels } from '@/lib/records/labels';
import type { ActivityStatus } from '@/lib/records/types';
import styles from './records.module.css';

const statusClass: Record<ActivityStatus, string | undefined> = { draft: styles.draft, submitted: styles.status, reviewed: styles.status, flagged: styles.flagged };

export function StatusBadge({ status }: { status: ActivityStatus }) {
  return <span className={statusClass[status]}>{activityStatusLabels[status]}</span>;
}

/** 补录: submitted more than the late-entry threshold after the meeting. */
export function LateMark({ days }: { days: number }) {
  return <span className={styles.late}>补录（会后 {days} 天提交）</span>;
}
