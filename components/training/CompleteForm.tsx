'use client';

import { useActionState } from 'react';
import { initialActionState } from '@/lib/actions/state';
import { completeTraineeAction } from '@/lib/training/actions';
import styles from './training.module.css';

/** 结业 for one trainee: the date and, optionally, a certificate number (blank: one is issued). */
export function CompleteForm({ trainee, today }: { trainee: { id: number; name: string; version: number }; today: string }) {
  const [state, action, pending] = useActionState(completeTraineeAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const fieldError = [...(errors.completedOn ?? []), ...(errors.certificateNo ?? [])].join(' ');
  const messageId = `complete-${trainee.id}-message`;
  return (
    <form action={action} className={styles.inline} aria-label={`${trainee.name}结业`}>
      <input type="hidden" name="traineeId" value={trainee.id} />
      <input type="hidden" name="version" value={trainee.version} />
      <label>
        <span className="visually-hidden">{trainee.name}的结业日期</span>
        <input type="date" name="completedOn" defaultValue={state.values?.completedOn ?? today} aria-describedby={messageId} aria-invalid={errors.completedOn ? true : undefined} />
      </label>
      <label>
        <span className="visually-hidden">{trainee.name}的证书编号（可不填，自动编号）</span>
        <input name="certificateNo" placeholder="证书编号（可空）" maxLength={40} defaultValue={state.values?.certificateNo ?? ''} aria-describedby={messageId} aria-invalid={errors.certificateNo ? true : undefined} />
      </label>
      <button type="submit" className={styles.small} disabled={pending}>
        结业
      </button>
      <span id={messageId} role="status" aria-live="polite" className={state.ok ? styles.ok : styles.error}>
        {fieldError || state.message || ''}
      </span>
    </form>
  );
}
