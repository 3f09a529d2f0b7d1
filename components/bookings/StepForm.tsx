'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { type ActionState, initialActionState } from '@/lib/actions/state';

export type StepField = {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'time' | 'number' | 'select' | 'textarea';
  hint?: string;
  defaultValue?: string | number;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** For a select; options with a `group` are shown under that heading. */
  options?: { value: string | number; label: string; group?: string }[];
};

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string | number>;
  fields: StepField[];
  submitLabel: string;
  pendingLabel?: string;
  /** The form's accessible name, when a page holds several. */
  label?: string;
};

function grouped(options: NonNullable<StepField['options']>) {
  const groups = new Map<string | undefined, typeof options>();
  for (const o of options) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
  return [...groups.entries()];
}

/**
 * One step of the booking loop (or a season form): labelled fields with their errors beside
 * them, the values kept after a refusal, and one submit button.
 */
export function StepForm({ action, hidden = {}, fields, submitLabel, pendingLabel, label }: Props) {
  const [state, run, pending] = useActionState(action, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const described = (f: StepField) => [f.hint ? `field-${f.name}-hint` : null, errors[f.name] ? `field-${f.name}-error` : null].filter(Boolean).join(' ') || undefined;
  // Remounted with each refused submission's values: React resets a form after its action, and a
  // select would otherwise fall back to the option it was first rendered with.
  return (
    <form key={JSON.stringify(values)} action={run} className={forms.form} noValidate aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const value = values[f.name] ?? (f.defaultValue === undefined ? '' : String(f.defaultValue));
        const common = { id: `field-${f.name}`, name: f.name, 'aria-invalid': errors[f.name] ? true : undefined, 'aria-describedby': described(f) } as const;
        if (f.type === 'select') {
          return (
            <Field key={f.name} name={f.name} label={f.label} errors={errors[f.name]} hint={f.hint}>
              <select {...common} defaultValue={value}>
                <option value="">请选择</option>
                {grouped(f.options ?? []).map(([group, options]) => {
                  const items = options.map((o) => (
                    <option key={`${group}-${o.value}`} value={o.value}>
                      {o.label}
                    </option>
                  ));
                  return group ? (
                    <optgroup key={group} label={group}>
                      {items}
                    </optgroup>
                  ) : (
                    items
                  );
                })}
              </select>
            </Field>
          );
        }
        if (f.type === 'textarea') {
          return (
            <Field key={f.name} name={f.name} label={f.label} errors={errors[f.name]} hint={f.hint}>
              <textarea {...common} rows={4} maxLength={f.maxLength} defaultValue={value} />
            </Field>
          );
        }
        return (
          <Field
            key={f.name}
            name={f.name}
            label={f.label}
            errors={errors[f.name]}
            hint={f.hint}
            type={f.type ?? 'text'}
            required={f.required}
            maxLength={f.maxLength}
            min={f.min}
            max={f.max}
            inputMode={f.type === 'number' ? 'numeric' : undefined}
            defaultValue={value}
          />
        );
      })}
      <FormFooter ok={state.ok} message={state.message} pending={pending} label={submitLabel} pendingLabel={pendingLabel ?? `${submitLabel}中…`} />
    </form>
  );
}
