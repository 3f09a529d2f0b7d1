'use client';

import { useActionState, useState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { enrolPeopleAction, enrolUnitAction } from '@/lib/training/actions';
import styles from './training.module.css';

type Option = { id: number; label: string };
type Candidate = { id: number; name: string; branchName: string; enrolled: boolean };

/** "The whole unit's secretaries in one step": a node (with everything below it) and whom in it. */
export function EnrolUnitForm({ roundId, branches }: { roundId: number; branches: Option[] }) {
  const [state, action, pending] = useActionState(enrolUnitAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={forms.form} noValidate aria-label="按单位报名">
      <input type="hidden" name="roundId" value={roundId} />
      <Field name="branchId" label="单位或党组织（含下级）" errors={errors.branchId}>
        <select key={values.branchId ?? ''} id="field-branchId" name="branchId" defaultValue={values.branchId ?? ''} aria-invalid={errors.branchId ? true : undefined} aria-describedby={errors.branchId ? 'field-branchId-error' : undefined}>
          <option value="">请选择</option>
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="whom" label="报名对象" errors={errors.whom}>
        <select key={values.whom ?? ''} id="field-whom" name="whom" defaultValue={values.whom ?? 'secretaries'}>
          <option value="secretaries">在任书记</option>
          <option value="committee_members">在任全体委员（含书记、副书记）</option>
        </select>
      </Field>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="全部报名" pendingLabel="正在报名…" />
    </form>
  );
}

/** People found by name, ticked and enrolled together. */
export function EnrolPeopleForm({ roundId, candidates }: { roundId: number; candidates: Candidate[] }) {
  const [state, action, pending] = useActionState(enrolPeopleAction, initialActionState);
  const [picked, setPicked] = useState<number[]>([]);
  const errors = state.fieldErrors ?? {};
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  return (
    <form action={action} className={forms.form} aria-label="选择人员报名">
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="personIds" value={picked.join(',')} />
      <fieldset aria-describedby={errors.personIds ? 'field-personIds-error' : undefined}>
        <legend>搜索结果</legend>
        <ul className={styles.grid}>
          {candidates.map((c) => (
            <li key={c.id}>
              <label>
                <input type="checkbox" disabled={c.enrolled} checked={c.enrolled || picked.includes(c.id)} onChange={() => toggle(c.id)} />
                {c.name}（{c.branchName}）{c.enrolled ? '已报名' : ''}
              </label>
            </li>
          ))}
        </ul>
        {errors.personIds && (
          <p id="field-personIds-error" className={forms.error}>
            {errors.personIds.join(' ')}
          </p>
        )}
      </fieldset>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label={`报名所选 ${picked.length} 人`} pendingLabel="正在报名…" />
    </form>
  );
}
