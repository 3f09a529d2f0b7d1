'use client';

import { useActionState, useId } from 'react';
import { FormFooter, FormMessage } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { addAttachmentAction, moveAttachmentAction, removeAttachmentAction } from '@/lib/media/actions';
import { attachmentKindLabels, formatBytes } from '@/lib/media/format';
import type { AttachmentItem } from '@/lib/media/types';
import { ErrorText, describedBy } from './FieldError';
import styles from './media.module.css';
import { submitSafely } from './submit-safely';
import { useFileSizeCheck } from './use-file-size-check';

type Props = {
  articleId: number;
  attachments: AttachmentItem[];
  canEdit: boolean;
  /** The configured ATTACHMENT_MAX_MB, for a check before sending; the server checks anyway. */
  maxMb?: number;
};

/**
 * An article's attachments (PDF, Word, Excel) for the editor page: list, upload, remove, reorder.
 * It holds its own forms: render it outside the editor's <form>.
 */
export function AttachmentManager({ articleId, attachments, canEdit, maxMb }: Props) {
  return (
    <section aria-labelledby={`attachments-${articleId}`}>
      <h2 id={`attachments-${articleId}`}>附件</h2>
      {attachments.length === 0 ? (
        <p>还没有附件。</p>
      ) : (
        <ol className={styles.attachments}>
          {attachments.map((a, i) => (
            <li key={a.id}>
              <span>
                <a href={a.url}>{a.name}</a>（{attachmentKindLabels[a.kind]}，{formatBytes(a.byteSize)}）
              </span>
              {canEdit && <AttachmentControls item={a} first={i === 0} last={i === attachments.length - 1} />}
            </li>
          ))}
        </ol>
      )}
      {canEdit && <AttachmentUploadForm articleId={articleId} maxBytes={maxMb ? maxMb * 1024 * 1024 : undefined} />}
    </section>
  );
}

function AttachmentControls({ item, first, last }: { item: AttachmentItem; first: boolean; last: boolean }) {
  const [moved, move, moving] = useActionState(moveAttachmentAction, initialActionState);
  const [removed, remove, removing] = useActionState(removeAttachmentAction, initialActionState);
  const failed = [moved, removed].find((s) => s.message && !s.ok);
  return (
    <span>
      <form action={move} className={styles.inline}>
        <input type="hidden" name="id" value={item.id} />
        {!first && (
          <button type="submit" name="direction" value="up" className="button secondary" disabled={moving} aria-label={`上移 ${item.name}`}>
            上移
          </button>
        )}{' '}
        {!last && (
          <button type="submit" name="direction" value="down" className="button secondary" disabled={moving} aria-label={`下移 ${item.name}`}>
            下移
          </button>
        )}
      </form>{' '}
      <form
        action={remove}
        className={styles.inline}
        onSubmit={(e) => {
          if (!window.confirm(`确定删除附件“${item.name}”吗？`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={item.id} />
        <button type="submit" className="button secondary" disabled={removing} aria-label={`删除 ${item.name}`}>
          删除
        </button>
      </form>
      {failed && <FormMessage ok={false} message={failed.message} />}
    </span>
  );
}

function AttachmentUploadForm({ articleId, maxBytes }: { articleId: number; maxBytes?: number }) {
  const [state, action, pending] = useActionState(submitSafely(addAttachmentAction), initialActionState);
  const { sizeError, check, onSubmit } = useFileSizeCheck('附件', maxBytes);
  const id = useId();
  const errors = sizeError ? [sizeError] : state.fieldErrors?.file;
  return (
    <form action={action} className={formStyles.form} noValidate onSubmit={onSubmit}>
      <input type="hidden" name="articleId" value={articleId} />
      <div className={formStyles.field}>
        <label htmlFor={`${id}-file`}>上传附件</label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          required
          accept=".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => check(e.target.files?.[0])}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-file`, errors, true)}
        />
        <p id={`${id}-file-hint`} className={formStyles.hint}>
          PDF、Word（.docx）或 Excel（.xlsx）{maxBytes ? `，不超过 ${maxBytes / 1048576} MB` : ''}。
        </p>
        <ErrorText id={`${id}-file`} errors={errors} />
      </div>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="上传附件" pendingLabel="正在上传…" />
    </form>
  );
}
