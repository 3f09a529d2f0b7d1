'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createLecturerAction, updateLecturerAction } from '@/lib/lectures/actions';
import { LECTURER_NAME_MAX, TEXT_MAX, UNIT_MAX } from '@/lib/lectures/schemas';
import styles from './lectures-admin.module.css';

type Existing = {
  id: number;
  name: string;
  unitName: string;
  title: string | null;
  specialties: string[];
  bio: string;
  phone: string | null;
  email: string | null;
  inPool: boolean;
  version: number;
};

/** Create (no `lecturer`) or edit a pool lecturer. Submitted values survive a refused save. */
export function LecturerForm({ lecturer }: { lecturer?: Existing }) {
  const [state, action, pending] = useActionState(lecturer ? updateLecturerAction : createLecturerAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const described = (name: string, hint: boolean) => [hint ? `field-${name}-hint` : null, errors[name] ? `field-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const inPool = state.values ? values.inPool === 'on' : (lecturer?.inPool ?? true);
  return (
    <form action={action} className={forms.form} noValidate>
      {lecturer && <input type="hidden" name="id" value={lecturer.id} />}
      {lecturer && <input type="hidden" name="version" value={lecturer.version} />}
      <Field name="name" label="姓名" required maxLength={LECTURER_NAME_MAX} defaultValue={values.name ?? lecturer?.name} errors={errors.name} />
      <Field name="unitName" label="所在单位" required maxLength={UNIT_MAX} defaultValue={values.unitName ?? lecturer?.unitName} errors={errors.unitName} />
      <Field name="title" label="职务职称（选填）" maxLength={UNIT_MAX} defaultValue={values.title ?? lecturer?.title ?? ''} errors={errors.title} />
      <Field
        name="specialties"
        label="擅长方向（选填）"
        defaultValue={values.specialties ?? lecturer?.specialties.join('、') ?? ''}
        errors={errors.specialties}
        hint="用顿号或逗号分隔，最多 8 个，例如：党史党建、新四军历史。"
      />
      <Field name="bio" label="简介（选填，公开显示）" errors={errors.bio}>
        <textarea id="field-bio" name="bio" rows={4} maxLength={TEXT_MAX} defaultValue={values.bio ?? lecturer?.bio ?? ''} aria-invalid={errors.bio ? true : undefined} aria-describedby={described('bio', false)} />
      </Field>
      <Field name="phone" label="联系电话（选填，仅内部可见）" type="tel" autoComplete="off" defaultValue={values.phone ?? lecturer?.phone ?? ''} errors={errors.phone} />
      <Field name="email" label="电子邮箱（选填，仅内部可见）" type="email" autoComplete="off" defaultValue={values.email ?? lecturer?.email ?? ''} errors={errors.email} />
      <p className={styles.checkbox}>
        <input id="field-inPool" name="inPool" type="checkbox" defaultChecked={inPool} />
        <label htmlFor="field-inPool">在库（启用）：停用后不出现在门户，也不能预约</label>
      </p>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存" pendingLabel="正在保存…" />
    </form>
  );
}
