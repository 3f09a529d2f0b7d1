'use client';

import { useActionState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { setHallRegistrationsAction } from '@/lib/hall/actions';
import type { RegistrationChoice } from '@/lib/hall/queries';
import { personField } from '@/lib/hall/schemas';
import { FieldErrorText } from './FieldErrorText';
import { PeopleChecklist } from './PeopleChecklist';

/** A node's members, checked when registered; saving registers the checked and takes the others off. */
export function RegistrationForm({ sessionId, nodeId, nodeName, choices }: { sessionId: number; nodeId: number; nodeName: string; choices: RegistrationChoice[] }) {
  const [state, action, pending] = useActionState(setHallRegistrationsAction, initialActionState);
  return (
    <form action={action} className={forms.form} noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="nodeId" value={nodeId} />
      <PeopleChecklist legend={`${nodeName}的党员`} rows={choices.map((c) => ({ field: personField(c.id), label: c.name, note: c.committee, checked: c.registered }))} />
      <FieldErrorText name="nodeId" errors={state.fieldErrors?.nodeId} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存报名" pendingLabel="正在保存…" />
    </form>
  );
}
