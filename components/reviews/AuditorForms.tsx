'use client';

import { useActionState } from 'react';
import { FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { FindingFields } from '@/components/reviews/FindingFields';
import { initialActionState } from '@/lib/actions/state';
import { closeFindingAction, markRecordReviewedAction, raiseFindingAction, reopenFindingAction } from '@/lib/reviews/actions';
import styles from './reviews.module.css';

// The auditor's forms: 合格 or a finding on a record, and the re-check of an answered finding.
// Refused forms keep what was typed (React resets uncontrolled inputs after an action).

export function MarkReviewedForm({ recordId, revision }: { recordId: number; revision: number }) {
  const [state, action, pending] = useActionState(markRecordReviewedAction, initialActionState);
  return (
    <form action={action} className={forms.form} aria-label="审核合格">
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="revision" value={revision} />
      <p>审核第 {revision} 版内容无问题时，标记为合格；合格后记录锁定，更正须重新审核。</p>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="审核合格" pendingLabel="正在保存…" />
    </form>
  );
}

export function RaiseFindingForm({ recordId, revision, defaultDueOn }: { recordId: number; revision: number; defaultDueOn: string }) {
  const [state, action, pending] = useActionState(raiseFindingAction, initialActionState);
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={forms.form} aria-label="提出问题">
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="revision" value={revision} />
      <FindingFields values={v} errors={errors} defaultDueOn={defaultDueOn} />
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="提出问题" pendingLabel="正在保存…" />
    </form>
  );
}

export function RecheckForms({ findingId, version, dueOn }: { findingId: number; version: number; dueOn: string }) {
  const [closeState, close, closing] = useActionState(closeFindingAction, initialActionState);
  const [reopenState, reopen, reopening] = useActionState(reopenFindingAction, initialActionState);
  const errors = reopenState.fieldErrors ?? {};
  const ids = (name: string) => ({ id: `field-${name}-${findingId}` });
  return (
    <div className={styles.forms}>
      <form action={close} className={forms.form} aria-label="复查通过">
        <input type="hidden" name="findingId" value={findingId} />
        <input type="hidden" name="version" value={version} />
        <div className={forms.field}>
          <label htmlFor={ids('close-note').id}>复查意见（可选）</label>
          <textarea {...ids('close-note')} name="note" defaultValue={closeState.values?.note ?? ''} />
        </div>
        <FormFooter ok={closeState.ok} message={closeState.message} pending={closing} label="整改到位，关闭问题" pendingLabel="正在保存…" />
      </form>
      <form action={reopen} className={forms.form} aria-label="退回重改">
        <input type="hidden" name="findingId" value={findingId} />
        <input type="hidden" name="version" value={version} />
        <div className={forms.field}>
          <label htmlFor={ids('reopen-comment').id}>退回意见</label>
          <textarea
            {...ids('reopen-comment')}
            name="comment"
            defaultValue={reopenState.values?.comment ?? ''}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={errors.comment ? `field-reopen-comment-${findingId}-error` : undefined}
          />
          {errors.comment && (
            <p id={`field-reopen-comment-${findingId}-error`} className={forms.error}>
              {errors.comment.join(' ')}
            </p>
          )}
        </div>
        <div className={forms.field}>
          <label htmlFor={ids('reopen-due').id}>新的整改期限（可选）</label>
          <input
            type="date"
            {...ids('reopen-due')}
            name="dueOn"
            defaultValue={reopenState.values?.dueOn ?? ''}
            aria-invalid={errors.dueOn ? true : undefined}
            aria-describedby={errors.dueOn ? `field-reopen-due-${findingId}-error` : `field-reopen-due-${findingId}-hint`}
          />
          <p id={`field-reopen-due-${findingId}-hint`} className={forms.hint}>
            不填则沿用原期限 {dueOn}。
          </p>
          {errors.dueOn && (
            <p id={`field-reopen-due-${findingId}-error`} className={forms.error}>
              {errors.dueOn.join(' ')}
            </p>
          )}
        </div>
        <FormFooter ok={reopenState.ok} message={reopenState.message} pending={reopening} label="退回重改" pendingLabel="正在保存…" />
      </form>
    </div>
  );
}
