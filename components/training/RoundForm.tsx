'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createRoundAction, updateRoundAction } from '@/lib/training/actions';
import { trainingAudienceLabels, trainingAudiences, trainingKindLabels, trainingKinds } from '@/lib/training/labels';
import { NAME_MAX, TEXT_MAX } from '@/lib/training/schemas';
import type { RoundRow } from '@/lib/training/types';

/** Create (no `round`) or edit a training round; every refusal shows next to its field. */
export function RoundForm({ round }: { round?: RoundRow }) {
  const [state, action, pending] = useActionState(round ? updateRoundAction : createRoundAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const v = (name: keyof RoundRow) => values[name] ?? (round?.[name] === null || round?.[name] === undefined ? '' : String(round[name]));
  const select = (name: 'kind' | 'audience', label: string, options: readonly string[], labels: Record<string, string>) => (
    <Field name={name} label={label} errors={errors[name]}>
      {/* Keyed by the value: React 19 resets a refused form, and a select keeps its first defaultValue otherwise. */}
      <select key={v(name)} id={`field-${name}`} name={name} defaultValue={v(name)} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `field-${name}-error` : undefined}>
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form action={action} className={forms.form} noValidate>
      {round && <input type="hidden" name="id" value={round.id} />}
      {round && <input type="hidden" name="version" value={round.version} />}
      <Field name="name" label="班次名称" required maxLength={NAME_MAX} defaultValue={v('name')} errors={errors.name} />
      {select('kind', '培训类型', trainingKinds, trainingKindLabels)}
      {select('audience', '培训对象', trainingAudiences, trainingAudienceLabels)}
      <Field name="startsOn" label="开始日期" type="date" required defaultValue={v('startsOn')} errors={errors.startsOn} />
      <Field name="endsOn" label="结束日期" type="date" required defaultValue={v('endsOn')} errors={errors.endsOn} />
      <Field name="requiredHours" label="结业所需学时" inputMode="decimal" required defaultValue={v('requiredHours')} errors={errors.requiredHours} hint="网络课程按结业计，学时即此数。" />
      <Field name="organizer" label="主办单位" required maxLength={NAME_MAX} defaultValue={v('organizer') || (round ? '' : '市委市级机关工委')} errors={errors.organizer} />
      <Field name="place" label="地点" maxLength={NAME_MAX} defaultValue={v('place')} errors={errors.place} />
      <Field name="description" label="简介" errors={errors.description}>
        <textarea id="field-description" name="description" rows={3} maxLength={TEXT_MAX} defaultValue={v('description')} aria-invalid={errors.description ? true : undefined} aria-describedby={errors.description ? 'field-description-error' : undefined} />
      </Field>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label={round ? '保存' : '创建培训班'} pendingLabel="正在保存…" />
    </form>
  );
}
