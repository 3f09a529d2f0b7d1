'use client';

import { useActionState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { confirmHallAttendanceAction } from '@/lib/hall/actions';
import type { HallRegistrationRow } from '@/lib/hall/queries';
import { attendedField } from '@/lib/hall/schemas';
import { FieldErrorText } from './FieldErrorText';
import { PeopleChecklist } from './PeopleChecklist';

/** After the session: tick who came. Nobody starts ticked: study hours are credited only for who was seen there. */
export function AttendanceForm({ sessionId, version, registrations }: { sessionId: number; version: number; registrations: HallRegistrationRow[] }) {
  const [state, action, pending] = useActionState(confirmHallAttendanceAction, initialActionState);
  return (
    <form action={action} className={forms.form} noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="version" value={version} />
      {/* Only the registrations listed here are marked; any beyond the list's cap stay as they are. */}
      <input type="hidden" name="shown" value={registrations.map((r) => r.id).join(',')} />
      <PeopleChecklist legend="出席人员" rows={registrations.map((r) => ({ field: attendedField(r.id), label: r.name, note: r.branchName, checked: r.attended ?? false }))} />
      <FieldErrorText name="shown" errors={state.fieldErrors?.shown} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="确认出席" pendingLabel="正在保存…" />
    </form>
  );
}
