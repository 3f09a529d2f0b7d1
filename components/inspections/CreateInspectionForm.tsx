'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createInspectionAction } from '@/lib/inspections/actions';
import { inspectionMethodLabels } from '@/lib/inspections/labels';
import { inspectionMethods } from '@/lib/inspections/types';

type Node = { id: number; label: string };

const selectProps = (name: string, errors?: string[]) => ({
  id: `field-${name}`,
  name,
  'aria-invalid': errors ? true : undefined,
  'aria-describedby': errors ? `field-${name}-error` : undefined,
});

/** A new inspection: whom, when, how and what was checked. Findings are added on its page. */
export function CreateInspectionForm({ nodes, today }: { nodes: Node[]; today: string }) {
  const [state, action, pending] = useActionState(createInspectionAction, initialActionState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={forms.form} aria-label="新建督查">
      <Field name="branchId" label="被督查的单位或组织" errors={errors.branchId}>
        <select key={`b${v.branchId ?? ''}`} defaultValue={v.branchId ?? ''} {...selectProps('branchId', errors.branchId)}>
          <option value="">请选择</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="inspectedOn" label="督查日期" type="date" max={today} defaultValue={v.inspectedOn ?? today} errors={errors.inspectedOn} />
      <Field name="method" label="督查方式" errors={errors.method}>
        <select key={`m${v.method ?? ''}`} defaultValue={v.method ?? ''} {...selectProps('method', errors.method)}>
          <option value="">请选择</option>
          {inspectionMethods.map((m) => (
            <option key={m} value={m}>
              {inspectionMethodLabels[m]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="scope" label="督查内容" errors={errors.scope}>
        <textarea {...selectProps('scope', errors.scope)} defaultValue={v.scope ?? ''} placeholder="例如：三会一课记录、主题党日开展情况、党费收缴台账" />
      </Field>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存督查" pendingLabel="正在保存…" />
    </form>
  );
}
