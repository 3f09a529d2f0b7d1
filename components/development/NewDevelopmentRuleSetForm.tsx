'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import styles from '@/components/rules/rules.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createDevelopmentRuleSetAction } from '@/lib/development/actions';
import { developmentRuleFields } from '@/lib/development/schemas';

/** A new version of the member-development rules, starting from the latest one's values. */
export function NewDevelopmentRuleSetForm({ defaults, minDate }: { defaults: Record<string, string>; minDate: string }) {
  const [state, action, pending] = useActionState(createDevelopmentRuleSetAction, initialActionState);
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
        hint={`须晚于今天（最早 ${minDate}）：已完成的步骤按当时有效的规则判断。`}
        required
      />
      <fieldset className={styles.fieldset}>
        <legend>期限与要求</legend>
        <div className={styles.row}>
          {developmentRuleFields.map(([key, label]) => (
            <div key={key} className={styles.narrow}>
              <Field name={key} label={label} inputMode="numeric" defaultValue={values[key] ?? ''} errors={errors[key]} required />
            </div>
          ))}
        </div>
      </fieldset>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存新版本" pendingLabel="正在保存…" />
    </form>
  );
}
