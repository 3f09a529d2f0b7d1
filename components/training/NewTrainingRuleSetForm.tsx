'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import styles from '@/components/rules/rules.module.css';
import { initialActionState } from '@/lib/actions/state';
import { trainingRuleFields } from '@/lib/training/rules';
import { createTrainingRuleSetAction } from '@/lib/training/rules-actions';

/** A new version of the training minimums, starting from the latest one's values. */
export function NewTrainingRuleSetForm({ defaults, minDate }: { defaults: Record<string, string>; minDate: string }) {
  const [state, action, pending] = useActionState(createTrainingRuleSetAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? defaults;
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
        hint={`须晚于今天（最早 ${minDate}）：某一年度按当年 12 月 31 日有效的版本统计，新任书记按其任职当天有效的版本。`}
        required
      />
      <fieldset className={styles.fieldset}>
        <legend>学时与轮训要求</legend>
        <div className={styles.row}>
          {trainingRuleFields.map(([key, label]) => (
            <div key={key} className={styles.narrow}>
              <Field name={key} label={label} inputMode="numeric" defaultValue={values[key] ?? ''} errors={errors[key]} required />
            </div>
          ))}
        </div>
        <label>
          <input type="checkbox" name="leaderRotationRequired" defaultChecked={values.leaderRotationRequired === 'on'} aria-describedby={errors.leaderRotationRequired ? 'rotation-error' : undefined} />{' '}
          书记和委员每年须参加至少一次轮训
        </label>
        {errors.leaderRotationRequired && (
          <p id="rotation-error" className={forms.error}>
            {errors.leaderRotationRequired.join(' ')}
          </p>
        )}
      </fieldset>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存新版本" pendingLabel="正在保存…" />
    </form>
  );
}
