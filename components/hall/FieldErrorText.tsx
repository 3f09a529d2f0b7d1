import forms from '@/components/forms/forms.module.css';

/** A refusal about the whole checklist (capacity, a stale roster), shown above the save button. */
export function FieldErrorText({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`field-${name}-error`} className={forms.error} role="alert">
      {errors.join(' ')}
    </p>
  );
}
