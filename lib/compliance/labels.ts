import { activityKindLabels, activityKindShortLabels } from '@/lib/rules/labels';
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

export const memberStatusLabels = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  development_target: '发展对象',
  probationary: '预备党员',
  full_member: '正式党员',
} as const;

export const positionLabels = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization_member: '组织委员',
  propaganda_member: '宣传委员',
  discipline_member: '纪检委员',
  committee_member: '委员',
} as const;
