'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { deleteColumnAction } from '@/lib/columns/actions';

type Target = { id: number; name: string; visible: boolean };

/** Deletes a column; when it holds articles, asks which column they move to first. */
export function DeleteColumnForm({ column, articleCount, targets }: { column: { id: number; name: string }; articleCount: number; targets: Target[] }) {
  const [state, action, pending] = useActionState(deleteColumnAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const defaultTarget = state.values?.targetColumnId ?? '';
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="id" value={column.id} />
      {articleCount > 0 && (
        <Field name="targetColumnId" label={`将该栏目的 ${articleCount} 篇文章移入`} errors={errors.targetColumnId} hint="包括草稿、待审核和已归档的文章；移动与删除一起完成，不会只做一半。">
          <select
            key={defaultTarget}
            id="field-targetColumnId"
            name="targetColumnId"
            defaultValue={defaultTarget}
            aria-invalid={errors.targetColumnId ? true : undefined}
            aria-describedby={['field-targetColumnId-hint', errors.targetColumnId ? 'field-targetColumnId-error' : null].filter(Boolean).join(' ')}
          >
            <option value="">请选择栏目</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.visible ? t.name : `${t.name}（已隐藏）`}
              </option>
            ))}
          </select>
        </Field>
      )}
      {articleCount === 0 && errors.targetColumnId && <p className={styles.error}>{errors.targetColumnId.join(' ')}</p>}
      <div className={styles.field}>
        <label>
          <input type="checkbox" name="confirm" aria-invalid={errors.confirm ? true : undefined} aria-describedby={errors.confirm ? 'field-confirm-error' : undefined} /> 确认删除栏目“{column.name}”
        </label>
        {errors.confirm && (
          <p id="field-confirm-error" className={styles.error}>
            {errors.confirm.join(' ')}
          </p>
        )}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? '正在删除…' : '删除栏目'}
        </button>
      </div>
    </form>
  );
}
