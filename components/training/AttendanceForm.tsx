'use client';

import { useActionState, useState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { recordAttendanceAction } from '@/lib/training/actions';
import styles from './training.module.css';

type Row = { id: number; name: string; branchName: string; attendedHours: number; present: boolean };

/** The session's attendance: one checkbox per trainee of the round, saved as a whole. */
export function AttendanceForm({ session, rows }: { session: { id: number; version: number }; rows: Row[] }) {
  const [state, action, pending] = useActionState(recordAttendanceAction, initialActionState);
  const [present, setPresent] = useState<Set<number>>(() => new Set(rows.filter((r) => r.present).map((r) => r.id)));
  const errors = state.fieldErrors ?? {};
  const toggle = (id: number) =>
    setPresent((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form action={action} className={forms.form}>
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="version" value={session.version} />
      <input type="hidden" name="shown" value={rows.map((r) => r.id).join(',')} />
      <input type="hidden" name="present" value={[...present].join(',')} />
      <fieldset aria-describedby={errors.present ? 'field-present-error' : 'attendance-count'}>
        <legend>出勤登记（勾选出席的学员）</legend>
        <p id="attendance-count" aria-live="polite">
          学员 {rows.length} 人，出席 {present.size} 人
        </p>
        {rows.length === 0 && <p>本班还没有学员，请先在培训班页面报名。</p>}
        <ul className={styles.grid}>
          {rows.map((r) => (
            <li key={r.id}>
              <label>
                <input type="checkbox" checked={present.has(r.id)} onChange={() => toggle(r.id)} />
                {r.name}
                <span className={forms.hint}>（{r.branchName}）</span>
              </label>
            </li>
          ))}
        </ul>
        {errors.present && (
          <p id="field-present-error" className={forms.error}>
            {errors.present.join(' ')}
          </p>
        )}
      </fieldset>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存出勤" pendingLabel="正在保存…" />
    </form>
  );
}
