import styles from '@/components/forms/forms.module.css';

// For forms that may appear twice on a page (ids from useId, not from field names).

/** The ids an input's aria-describedby names: its hint, then its error when there is one. */
export function describedBy(id: string, errors: string[] | undefined, hint = false): string | undefined {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function ErrorText({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className={styles.error}>
      {errors.join(' ')}
    </p>
  );
}
