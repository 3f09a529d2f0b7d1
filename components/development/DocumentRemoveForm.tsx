'use client';

import { useActionState, useId } from 'react';
import { FormMessage } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { ErrorText, describedBy } from '@/components/media/FieldError';
import { initialActionState } from '@/lib/actions/state';
import { removeDevelopmentDocumentAction } from '@/lib/development/actions';

/** Removes one document with a reason; the row stays in the file, marked as removed. */
export function DocumentRemoveForm({ personId, id, title }: { personId: number; id: number; title: string }) {
  const [state, action, pending] = useActionState(removeDevelopmentDocumentAction, initialActionState);
  const uid = useId();
  const errors = state.fieldErrors?.reason;
  return (
    <details>
      <summary>移除</summary>
      <form action={action} className={forms.form} noValidate>
        <input type="hidden" name="personId" value={personId} />
        <input type="hidden" name="id" value={id} />
        <div className={forms.field}>
          <label htmlFor={`${uid}-reason`}>移除“{title}”的理由</label>
          <input
            id={`${uid}-reason`}
            name="reason"
            maxLength={500}
            required
            defaultValue={state.ok ? '' : (state.values?.reason ?? '')}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy(`${uid}-reason`, errors, true)}
          />
          <p id={`${uid}-reason-hint`} className={forms.hint}>
            移除后不再提供下载，移除人、时间和理由保留在档案中。
          </p>
          <ErrorText id={`${uid}-reason`} errors={errors} />
        </div>
        <FormMessage ok={state.ok} message={state.message} />
        <div className={forms.actions}>
          <button type="submit" className="button secondary" disabled={pending}>
            {pending ? '正在移除…' : '确认移除'}
          </button>
        </div>
      </form>
    </details>
  );
}
