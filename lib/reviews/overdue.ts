import type { FindingState } from './types';

// Overdue: not closed and its due day has passed. Due today is not overdue yet; the day is the
// Beijing calendar day, compared as `YYYY-MM-DD` text.

export function isOverdue(finding: { state: FindingState; dueOn: string }, today: string): boolean {
  return finding.state !== 'closed' && finding.dueOn < today;
}
