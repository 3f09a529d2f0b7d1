'use client';

import { useActionState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { answerFindingAction } from '@/lib/reviews/actions';

/**
 * The branch's answer: a 整改说明, and, when the record was corrected since the finding was
 * raised, the corrected revision attached. The finding itself cannot be edited or deleted.
 */
export function AnswerForm({ findingId, version, correctedRevision }: { findingId: number; version: number; correctedRevision: number | null }) {
  const [state, action, pending] = useActionState(answerFindingAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const noteId = `field-note-${findingId}`;
  const revisionId = `field-correctedRevision-${findingId}`;
  return (
    <form action={action} className={forms.form} aria-label="整改答复">
      <input type="hidden" name="findingId" value={findingId} />
      <input type="hidden" name="version" value={version} />
      <div className={forms.field}>
        <label htmlFor={noteId}>整改说明</label>
        <textarea
          id={noteId}
          name="note"
          defaultValue={state.values?.note ?? ''}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? `${noteId}-error` : `${noteId}-hint`}
        />
        <p id={`${noteId}-hint`} className={forms.hint}>
          如记录本身有误，请先用上方的“更正”保存更正版本，再在此答复并附上更正版本。
        </p>
        {errors.note && (
          <p id={`${noteId}-error`} className={forms.error}>
            {errors.note.join(' ')}
          </p>
        )}
      </div>
      {correctedRevision !== null && (
        <div className={forms.field}>
          <label>
            <input
              type="checkbox"
              id={revisionId}
              name="correctedRevision"
              value={correctedRevision}
              defaultChecked={state.values ? state.values.correctedRevision === String(correctedRevision) : true}
              aria-describedby={errors.correctedRevision ? `${revisionId}-error` : undefined}
            />{' '}
            附上更正后的记录（第 {correctedRevision} 版）
          </label>
          {errors.correctedRevision && (
            <p id={`${revisionId}-error`} className={forms.error}>
              {errors.correctedRevision.join(' ')}
            </p>
          )}
        </div>
      )}
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="提交整改答复" pendingLabel="正在提交…" />
    </form>
  );
}
