'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { openDevelopmentFileAction } from '@/lib/development/actions';

/** Registers an applicant's application, which opens the development file and starts the talk deadline. */
export function OpenDevelopmentFileForm({ personId, today }: { personId: number; today: string }) {
  const [state, action, pending] = useActionState(openDevelopmentFileAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={forms.form} noValidate aria-label="登记入党申请">
      <input type="hidden" name="personId" value={personId} />
      <Field name="appliedOn" label="递交入党申请日期" type="date" max={today} defaultValue={state.values?.appliedOn ?? ''} errors={errors.appliedOn} required />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="登记入党申请" pendingLabel="正在保存…" />
    </form>
  );
}
