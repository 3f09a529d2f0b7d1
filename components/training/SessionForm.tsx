'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createSessionAction, updateSessionAction } from '@/lib/training/actions';
import { TOPIC_MAX } from '@/lib/training/schemas';

type Existing = { id: number; heldOn: string; hours: number; topic: string; teacher: string | null; version: number };

/** Add a session to a round (no `session`) or edit one; its date must lie inside the round's dates. */
export function SessionForm({ round, session }: { round: { id: number; startsOn: string; endsOn: string }; session?: Existing }) {
  const [state, action, pending] = useActionState(session ? updateSessionAction : createSessionAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={forms.form} noValidate aria-label={session ? '修改课次' : '新增课次'}>
      <input type="hidden" name="roundId" value={round.id} />
      {session && <input type="hidden" name="id" value={session.id} />}
      {session && <input type="hidden" name="version" value={session.version} />}
      <Field name="heldOn" label="上课日期" type="date" min={round.startsOn} max={round.endsOn} required defaultValue={values.heldOn ?? session?.heldOn ?? round.startsOn} errors={errors.heldOn} hint={`${round.startsOn} 至 ${round.endsOn}`} />
      <Field name="hours" label="学时" inputMode="decimal" required defaultValue={values.hours ?? (session ? String(session.hours) : '')} errors={errors.hours} hint="大于 0，不超过 24。" />
      <Field name="topic" label="课程主题" required maxLength={TOPIC_MAX} defaultValue={values.topic ?? session?.topic ?? ''} errors={errors.topic} />
      <Field name="teacher" label="授课人" maxLength={40} defaultValue={values.teacher ?? session?.teacher ?? ''} errors={errors.teacher} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label={session ? '保存课次' : '添加课次'} pendingLabel="正在保存…" />
    </form>
  );
}
