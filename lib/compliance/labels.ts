import { activityKindLabels, activityKindShortLabels } from '@/lib/records/labels';
import type { CheckState, RuleKey } from './evaluate';

// What the compliance screens and exports call things. Pure.

export const ruleLabel = (key: RuleKey) => (key === 'secretary_lecture' ? '书记讲党课' : activityKindLabels[key]);
export const ruleShortLabel = (key: RuleKey) => (key === 'secretary_lecture' ? '书记党课' : activityKindShortLabels[key]);

/** Each state has a word and a symbol, never colour alone. */
export const stateLabels: Record<CheckState, { text: string; icon: string }> = {
  met: { text: '达标', icon: '✓' },
  missed: { text: '未达标', icon: '✗' },
  open: { text: '进行中', icon: '…' },
  future: { text: '未到期', icon: '—' },
};
