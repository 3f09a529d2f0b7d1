'use client';

import { useActionState, useId } from 'react';
import { FormFooter, FormMessage } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { deleteMediaAction, updateMediaAction } from '@/lib/media/actions';
import type { MediaItem } from '@/lib/media/types';
import { ErrorText, describedBy } from './FieldError';

/** Edit one image's alt text and caption; saving sends the version it loaded. */
export function MediaEditForm({ item }: { item: MediaItem }) {
  const [state, action, pending] = useActionState(updateMediaAction, initialActionState);
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={formStyles.form} noValidate>
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <div className={formStyles.field}>
        <label htmlFor={`${id}-alt`}>替代文本</label>
        <input
          id={`${id}-alt`}
          name="altText"
          required
          maxLength={200}
          defaultValue={state.values?.altText ?? item.alt}
          aria-invalid={errors.altText?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-alt`, errors.altText)}
        />
        <ErrorText id={`${id}-alt`} errors={errors.altText} />
      </div>
      <div className={formStyles.field}>
        <label htmlFor={`${id}-caption`}>图片说明</label>
        <input
          id={`${id}-caption`}
          name="caption"
          maxLength={300}
          defaultValue={state.values?.caption ?? item.caption ?? ''}
          aria-invalid={errors.caption?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-caption`, errors.caption)}
        />
        <ErrorText id={`${id}-caption`} errors={errors.caption} />
      </div>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="保存" pendingLabel="正在保存…" />
    </form>
  );
}

/** Delete an unused image; the server refuses one that an article uses and says which. */
export function MediaDeleteForm({ item }: { item: MediaItem }) {
  const [state, action, pending] = useActionState(deleteMediaAction, initialActionState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`确定删除图片“${item.alt}”吗？删除后不可恢复。`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={item.id} />
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? '正在删除…' : '删除'}
      </button>
    </form>
  );
}
