import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/rules/rules.module.css';
import type { RuleSetState } from '@/lib/rules/types';
import type { TrainingRuleSetItem } from '@/lib/training/rules-queries';

const stateText: Record<RuleSetState, string> = { current: '现行有效', past: '已被替代', future: '尚未生效' };

/** A training rule set: the yearly minimums in Chinese. */
export function TrainingRuleSetView({ set }: { set: TrainingRuleSetItem }) {
  const { rules } = set;
  return (
    <article className={`${ui.panel} ${styles.set}`} aria-labelledby={`training-set-${set.id}`}>
      <h3 id={`training-set-${set.id}`}>
        {set.name}
        <span className={styles[set.state]}>{stateText[set.state]}</span>
      </h3>
      <p className={styles.meta}>
        {set.effectiveFrom} 起生效 · 依据：{set.source}
      </p>
      <dl className={styles.values}>
        <dt>党员每年学时</dt>
        <dd>不少于 {rules.memberMinHours} 学时</dd>
        <dt>书记和委员每年学时</dt>
        <dd>
          不少于 {rules.leaderMinHours} 学时{rules.leaderRotationRequired ? '，其中至少参加一次轮训' : ''}
        </dd>
        <dt>新任书记</dt>
        <dd>任职后 {rules.newSecretaryWithinMonths} 个月内完成培训</dd>
      </dl>
    </article>
  );
}
