'use client';

import { useActionState } from 'react';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import styles from './lectures-admin.module.css';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
  label: string;
  /** The button's accessible name when the visible label alone is ambiguous in a list. */
  ariaLabel?: string;
};

/** One button that states the wanted result (publish, list for a year …); a refusal shows beside it. */
export function ToggleForm({ action, fields, label, ariaLabel }: Props) {
  const [state, run, pending] = useActionState(action, initialActionState);
  return (
    <form action={run} className={styles.toggle}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={styles.small} disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
      <span role="status" aria-live="polite" className={state.ok ? 'visually-hidden' : styles.error}>
        {state.message ?? ''}
      </span>
    </form>
  );
}
