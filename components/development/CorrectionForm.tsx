'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { correctDevelopmentStepAction } from '@/lib/development/actions';

type Props = { personId: number; version: number; options: { id: number; label: string }[]; today: string };

/** 补正: a written step's date superseded with a reason; the original stays in the file. */
export function CorrectionForm({ personId, version, options, today }: Props) {
  const [state, action, pending] = useActionState(correctDevelopmentStepAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} className={forms.form} noValidate>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="version" value={version} />
      <Field name="transitionId" label="要补正的步骤" errors={errors.transitionId}>
        <select
          id="field-transitionId"
          name="transitionId"
          defaultValue={values.transitionId ?? ''}
          aria-invalid={errors.transitionId?.length ? true : undefined}
          aria-describedby={errors.transitionId?.length ? 'field-transitionId-error' : undefined}
        >
          <option value="">请选择</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="correctedOn" label="正确的日期" type="date" max={today} defaultValue={values.correctedOn ?? ''} errors={errors.correctedOn} hint="按原始材料（会议记录、批复）的日期；各步骤先后顺序不能改变，并按该日期有效的规则重新核对。" required />
      <Field name="reason" label="补正理由" defaultValue={values.reason ?? ''} errors={errors.reason} maxLength={500} required />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="补正日期" pendingLabel="正在核对…" />
    </form>
  );
}
