import styles from './forms.module.css';

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  children?: React.ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'children'>;

/** A labelled input with its errors announced and tied to it by aria-describedby. */
export function Field({ name, label, errors, hint, children, ...input }: FieldProps) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children ?? <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className={styles.error}>
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message: a polite live region, styled as an error when the action failed. */
export function FormMessage({ ok, message }: { ok: boolean; message?: string }) {
  return (
    <p className={ok ? styles.success : styles.formError} role="status" aria-live="polite">
      {message ?? ''}
    </p>
  );
}

/** The end of a form: its message, then the submit button, disabled while the action runs. */
export function FormFooter({ ok, message, pending, label, pendingLabel = label }: { ok: boolean; message?: string; pending: boolean; label: string; pendingLabel?: string }) {
  return (
    <>
      <FormMessage ok={ok} message={message} />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      </div>
    </>
  );
}
