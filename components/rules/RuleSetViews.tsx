import ui from '@/components/admin/admin-ui.module.css';
import { developmentRuleLabels, developmentStageLabels, periodUnitLabels } from '@/lib/rules/labels';
import { activityKindLabels } from '@/lib/records/labels';
import { branchKindLabels } from '@/lib/branches/kinds';
import type { BranchRuleSetItem, DevelopmentRuleSetItem, RuleSetState } from '@/lib/rules/types';
import styles from './rules.module.css';

const stateText: Record<RuleSetState, string> = { current: '现行有效', past: '已被替代', future: '尚未生效' };

function StateTag({ state }: { state: RuleSetState }) {
  return <span className={styles[state]}>{stateText[state]}</span>;
}

/** A branch-life rule set: its frequencies and the local thresholds, in Chinese. */
export function BranchRuleSetView({ set }: { set: BranchRuleSetItem }) {
  const { rules } = set;
  return (
    <article className={`${ui.panel} ${styles.set}`} aria-labelledby={`branch-set-${set.id}`}>
      <h3 id={`branch-set-${set.id}`}>
        {set.name}
        <StateTag state={set.state} />
      </h3>
      <p className={styles.meta}>
        {set.effectiveFrom} 起生效 · 依据：{set.source}
      </p>
      <div className={ui.tableWrap}>
        <table className={`${ui.table} ${ui.cards}`}>
          <caption className="visually-hidden">{set.name}：组织生活最低频次</caption>
          <thead>
            <tr>
              <th scope="col">活动</th>
              <th scope="col">频次</th>
              <th scope="col">适用组织</th>
            </tr>
          </thead>
          <tbody>
            {rules.frequencies.map((f) => (
              <tr key={f.kind}>
                <td data-label="活动">{activityKindLabels[f.kind]}</td>
                <td data-label="频次">
                  {periodUnitLabels[f.per]}至少 {f.min} 次
                </td>
                <td data-label="适用组织">{f.nodeKinds.map((k) => branchKindLabels[k]).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className={styles.values}>
        <dt>书记讲党课</dt>
        <dd>每年至少 {rules.secretaryLecturesPerYear} 次</dd>
        <dt>逾期补录</dt>
        <dd>召开后超过 {rules.lateEntryDays} 天提交的记录</dd>
        <dt>任期提醒</dt>
        <dd>届满前 {rules.termWarningDays} 天起提醒</dd>
        <dt>委员会任期</dt>
        <dd>
          {Object.entries(rules.termYears)
            .map(([kind, years]) => `${branchKindLabels[kind as keyof typeof branchKindLabels]} ${years} 年`)
            .join('，')}
        </dd>
        <dt>整改期限</dt>
        <dd>发现问题后 {rules.findingDueDays} 天</dd>
        <dt>未参加组织生活预警</dt>
        <dd>连续 {rules.inactivityMonths} 个月</dd>
      </dl>
    </article>
  );
}

const developmentValue = (key: string, value: unknown) => {
  if (key === 'stageOrder' && Array.isArray(value)) return value.map((s) => developmentStageLabels[String(s)] ?? String(s)).join(' → ');
  const label = developmentRuleLabels[key];
  return label ? `${String(value)} ${label.unit}` : JSON.stringify(value);
};

/** A member-development rule set: each value with its Chinese name. */
export function DevelopmentRuleSetView({ set }: { set: DevelopmentRuleSetItem }) {
  return (
    <article className={`${ui.panel} ${styles.set}`} aria-labelledby={`development-set-${set.id}`}>
      <h3 id={`development-set-${set.id}`}>
        {set.name}
        <StateTag state={set.state} />
      </h3>
      <p className={styles.meta}>
        {set.effectiveFrom} 起生效 · 依据：{set.source}
      </p>
      <dl className={styles.values}>
        {Object.entries(set.rules).map(([key, value]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{key === 'stageOrder' ? '发展阶段顺序' : (developmentRuleLabels[key]?.label ?? key)}</dt>
            <dd>{developmentValue(key, value)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
