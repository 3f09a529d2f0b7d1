'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/Field';
import { initialActionState } from '@/lib/actions/state';
import { deleteRecordDraftAction } from '@/lib/records/actions';

/** Deletes a draft after a confirmation; a submitted record has no such form. */
export function DeleteDraftForm({ id, version }: { id: number; version: number }) {
  const [state, action, pending] = useActionState(deleteRecordDraftAction, initialActionState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm('确定删除这份草稿吗？删除后无法恢复。')) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="button secondary" disabled={pending}>
        删除草稿
      </button>
      {!state.ok && state.message && <FormMessage ok={false} message={state.message} />}
    </form>
  );
}
