import formStyles from '@/components/forms/forms.module.css';

// The record form's own error lines, for controls it lays out itself (selects, the grid).

export const errorId = (name: string) => `field-${name}-error`;

export function Errors({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={errorId(name)} className={formStyles.error}>
      {errors.join(' ')}
    </p>
  );
}
