'use client';

import { useActionState, useState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { AttendanceGrid, type Mark } from '@/components/records/AttendanceGrid';
import { initialActionState } from '@/lib/actions/state';
import { confirmDeliveryAction } from '@/lib/bookings/actions';
import { SUMMARY_MAX } from '@/lib/bookings/schemas';
import type { RosterPerson } from '@/lib/records/types';

type Props = { booking: { id: number; version: number }; roster: RosterPerson[]; lecturerName: string };

/**
 * The branch confirms the lecture took place: host, recorder and attendance from its roster and a
 * short account. Saving writes the branch's 党课 in the record book, the lecturer as speaker.
 */
export function DeliveryForm({ booking, roster, lecturerName }: Props) {
  const [state, run, pending] = useActionState(confirmDeliveryAction, initialActionState);
  const [marks, setMarks] = useState<Record<number, Mark>>(() => Object.fromEntries(roster.map((p) => [p.id, 'present'])) as Record<number, Mark>);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const select = (name: 'hostPersonId' | 'recorderPersonId', label: string) => (
    <Field name={name} label={label} errors={errors[name]}>
      <select id={`field-${name}`} name={name} defaultValue={values[name] ?? ''} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `field-${name}-error` : undefined}>
        <option value="">请选择</option>
        {roster.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.committee ? `（${p.committee}）` : ''}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form key={JSON.stringify(values)} action={run} className={forms.form} noValidate aria-label="确认授课完成">
      <input type="hidden" name="id" value={booking.id} />
      <input type="hidden" name="version" value={booking.version} />
      <p>授课人：{lecturerName}（送课讲师）。确认后将在组织生活记录中生成本支部的党课记录，计入“三会一课”落实情况，无需另行登记。</p>
      {select('hostPersonId', '主持人')}
      {select('recorderPersonId', '记录人')}
      <AttendanceGrid rows={roster} marks={marks} onMark={(id, m) => setMarks({ ...marks, [id]: m })} recorded={new Map()} errors={errors} />
      <Field name="summary" label="授课情况" errors={errors.summary} hint="简要记录授课内容和党员交流情况，作为党课记录的内容。">
        <textarea
          id="field-summary"
          name="summary"
          rows={4}
          maxLength={SUMMARY_MAX}
          defaultValue={values.summary ?? ''}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={['field-summary-hint', errors.summary ? 'field-summary-error' : null].filter(Boolean).join(' ')}
        />
      </Field>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="确认授课完成" pendingLabel="正在保存…" />
    </form>
  );
}
