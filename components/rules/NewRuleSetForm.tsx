'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createBranchRuleSetAction } from '@/lib/rules/actions';
import { periodUnitLabels } from '@/lib/rules/labels';
import { activityKindLabels } from '@/lib/records/labels';
import { branchKindLabels } from '@/lib/branches/kinds';
import { boundNodeKinds, periodUnits, ruleActivityKinds } from '@/lib/rules/kinds';
import styles from './rules.module.css';

type Props = { defaults: Record<string, string>; minDate: string };

/** A new version of the branch-life rules, starting from the latest one. Refused values stay as typed. */
export function NewRuleSetForm({ defaults, minDate }: Props) {
  const [state, action, pending] = useActionState(createBranchRuleSetAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  // After a refusal the form shows what was sent; an unticked box is absent from what was sent.
  const values = state.values ?? defaults;
  const num = (name: string, label: string, hint?: string) => (
    <div className={styles.narrow}>
      <Field name={name} label={label} inputMode="numeric" defaultValue={values[name] ?? ''} errors={errors[name]} hint={hint} required />
    </div>
  );
  return (
    <form action={action} className={forms.form} noValidate>
      <Field name="name" label="规则名称" defaultValue={values.name ?? ''} errors={errors.name} required maxLength={100} />
      <Field name="source" label="依据" defaultValue={values.source ?? ''} errors={errors.source} hint="文件名称或会议决定。" required maxLength={300} />
      <Field
        name="effectiveFrom"
        label="生效日期"
        type="date"
        min={minDate}
        defaultValue={values.effectiveFrom ?? ''}
        errors={errors.effectiveFrom}
        hint={`须晚于今天（最早 ${minDate}）：已召开的会议按当时有效的规则评价，已生效的规则不能修改。`}
        required
      />
      <fieldset className={styles.fieldset}>
        <legend>组织生活最低频次</legend>
        <p className={forms.hint}>周期留空表示该活动没有频次要求。</p>
        {ruleActivityKinds.map((kind) => {
          const nodeError = errors[`nodes_${kind}_branch`];
          return (
            <fieldset key={kind} className={styles.fieldset}>
              <legend>{activityKindLabels[kind]}</legend>
              <div className={styles.row}>
                <Field name={`per_${kind}`} label="周期" errors={errors[`per_${kind}`]}>
                  <select id={`field-per_${kind}`} name={`per_${kind}`} defaultValue={values[`per_${kind}`] ?? ''}>
                    <option value="">无要求</option>
                    {periodUnits.map((u) => (
                      <option key={u} value={u}>
                        {periodUnitLabels[u]}
                      </option>
                    ))}
                  </select>
                </Field>
                {num(`min_${kind}`, '最少次数')}
                <fieldset className={styles.nodes} aria-describedby={nodeError ? `nodes-${kind}-error` : undefined}>
                  <legend>适用组织</legend>
                  {boundNodeKinds.map((node) => (
                    <label key={node}>
                      <input type="checkbox" name={`nodes_${kind}_${node}`} defaultChecked={values[`nodes_${kind}_${node}`] === 'on'} />
                      {branchKindLabels[node]}
                    </label>
                  ))}
                  {nodeError && (
                    <p id={`nodes-${kind}-error`} className={forms.error}>
                      {nodeError.join(' ')}
                    </p>
                  )}
                </fieldset>
              </div>
            </fieldset>
          );
        })}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>工委补充规定</legend>
        <div className={styles.row}>
          {num('secretaryLecturesPerYear', '书记每年讲党课（次）')}
          {num('lateEntryDays', '逾期补录（天）', '召开后超过此天数提交即为逾期。')}
          {num('termWarningDays', '任期提醒（天）')}
          {num('findingDueDays', '整改期限（天）')}
          {num('inactivityMonths', '未参加组织生活预警（月）')}
        </div>
        <div className={styles.row}>
          {num('termYears_unit_organization', `${branchKindLabels.unit_organization}任期（年）`)}
          {num('termYears_general_branch', `${branchKindLabels.general_branch}任期（年）`)}
          {num('termYears_branch', `${branchKindLabels.branch}任期（年）`)}
        </div>
      </fieldset>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存新版本" pendingLabel="正在保存…" />
    </form>
  );
}
