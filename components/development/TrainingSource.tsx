import { Field } from '@/components/forms/Field';

// Where a 集中培训 step's facts come from: a training record (one person's completion, or a
// concentrated round for a batch), or typed by hand for training held outside the system.
// Shared by the step form and the batch form.

type Errors = Record<string, string[] | undefined>;

export const MANUAL_TRAINING_HINT = '未在本系统登记的培训：请填写日期、天数和学时，并在说明中写明举办单位和时间。';

/** The record select, with "entered by hand" as its last option (value ""). */
export function TrainingSourceSelect({
  name,
  label,
  hint,
  value,
  onChange,
  options,
  errors,
}: {
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: number; label: string }[];
  errors: Errors;
}) {
  const invalid = Boolean(errors[name]?.length);
  return (
    <Field name={name} label={label} errors={errors[name]} hint={hint}>
      <select
        id={`field-${name}`}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `field-${name}-hint field-${name}-error` : `field-${name}-hint`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        <option value="">未在本系统登记（手工填写）</option>
      </select>
    </Field>
  );
}

/** Days and hours of a training entered by hand. */
export function ManualTrainingFields({ values, errors }: { values: Record<string, string | undefined>; errors: Errors }) {
  return (
    <>
      <Field name="trainingDays" label="培训天数" inputMode="numeric" defaultValue={values.trainingDays ?? ''} errors={errors.trainingDays} />
      <Field name="trainingHours" label="培训学时" inputMode="numeric" defaultValue={values.trainingHours ?? ''} errors={errors.trainingHours} />
    </>
  );
}
