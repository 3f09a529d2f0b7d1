'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { createColumnAction, updateColumnAction } from '@/lib/columns/actions';
import { DESCRIPTION_MAX, NAME_MAX, SLUG_MAX } from '@/lib/columns/schemas';

type Existing = { id: number; name: string; slug: string; description: string | null; version: number };

/** Create (no `column`) or edit a column. Submitted values survive a refused save. */
export function ColumnForm({ column, slugLocked }: { column?: Existing; slugLocked?: boolean }) {
  const [state, action, pending] = useActionState(column ? updateColumnAction : createColumnAction, initialActionState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const description = values.description ?? column?.description ?? '';
  const descriptionDescribedBy = ['field-description-hint', errors.description ? 'field-description-error' : null].filter(Boolean).join(' ');
  return (
    <form action={action} className={styles.form} noValidate>
      {column && <input type="hidden" name="id" value={column.id} />}
      {column && <input type="hidden" name="version" value={column.version} />}
      <Field name="name" label="栏目名称" required maxLength={NAME_MAX} defaultValue={values.name ?? column?.name} errors={errors.name} hint={`不超过 ${NAME_MAX} 个字符，显示在门户导航中。`} />
      <Field
        name="slug"
        label="网址标识"
        required
        maxLength={SLUG_MAX}
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.slug ?? column?.slug}
        errors={errors.slug}
        hint={
          slugLocked
            ? '该栏目已有公开文章，网址标识不能再修改。'
            : '栏目地址 /columns/网址标识：小写英文字母、数字和连字符，例如 work-news。栏目有公开文章后不能再修改。'
        }
        readOnly={slugLocked}
      />
      <Field name="description" label="栏目简介（选填）" errors={errors.description} hint={`不超过 ${DESCRIPTION_MAX} 个字符，显示在栏目页顶部。`}>
        <textarea
          id="field-description"
          name="description"
          rows={3}
          maxLength={DESCRIPTION_MAX}
          defaultValue={description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={descriptionDescribedBy}
        />
      </Field>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存" pendingLabel="正在保存…" />
    </form>
  );
}
