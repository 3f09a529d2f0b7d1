'use client';

import { useActionState } from 'react';
import formStyles from '@/components/forms/forms.module.css';
import { restoreRevisionAction } from '@/lib/articles/actions';
import { initialActionState } from '@/lib/actions/state';

/** Copies one revision back into the article (as a new revision); the history stays complete. */
export function RestoreRevisionButton({ articleId, version, revisionId, label }: { articleId: number; version: number; revisionId: number; label: string }) {
  const [state, action, pending] = useActionState(restoreRevisionAction, initialActionState);
  return (
    <form action={action} onSubmit={(e) => !window.confirm(`用${label}的内容替换文章当前内容吗？当前内容会保留在版本记录中。`) && e.preventDefault()}>
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" className="button secondary" disabled={pending} aria-label={`恢复此版本：${label}`}>
        恢复此版本
      </button>
      {state.message && (
        <p className={state.ok ? formStyles.success : formStyles.formError} role="status">
          {state.message}
        </p>
      )}
    </form>
  );
}
