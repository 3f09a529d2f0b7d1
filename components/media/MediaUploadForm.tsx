'use client';

import { useActionState, useId } from 'react';
import { FormFooter } from '@/components/forms/Field';
import styles from '@/components/forms/forms.module.css';
import { initialActionState } from '@/lib/actions/state';
import { uploadMediaAction } from '@/lib/media/actions';
import type { PickedMedia } from '@/lib/media/types';
import { ErrorText, describedBy } from './FieldError';
import { submitSafely } from './submit-safely';
import { useFileSizeCheck } from './use-file-size-check';

const pickedFrom = (d: Record<string, string>): PickedMedia => ({
  id: Number(d.id),
  url: d.url ?? '',
  alt: d.alt ?? '',
  caption: d.caption || null,
  width: d.width ? Number(d.width) : null,
  height: d.height ? Number(d.height) : null,
  srcSet: d.srcSet || undefined,
});

/** Upload one image with its alt text and caption. `onUploaded` receives it (the picker inserts it). */
export function MediaUploadForm({ maxBytes, onUploaded, submitLabel = '上传' }: { maxBytes: number; onUploaded?: (media: PickedMedia) => void; submitLabel?: string }) {
  const [state, action, pending] = useActionState(
    submitSafely(uploadMediaAction, (s) => s.data && onUploaded?.(pickedFrom(s.data))),
    initialActionState,
  );
  const { sizeError, check, onSubmit } = useFileSizeCheck('图片', maxBytes);
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const fileErrors = sizeError ? [sizeError] : errors.file;
  return (
    <form action={action} className={styles.form} noValidate onSubmit={onSubmit}>
      <div className={styles.field}>
        <label htmlFor={`${id}-file`}>图片文件</label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          required
          onChange={(e) => check(e.target.files?.[0])}
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-file`, fileErrors, true)}
        />
        <p id={`${id}-file-hint`} className={styles.hint}>
          JPEG、PNG、WebP 或 GIF，不超过 {Math.round((maxBytes / 1048576) * 10) / 10} MB。上传时会去除拍摄地点等元数据。
        </p>
        <ErrorText id={`${id}-file`} errors={fileErrors} />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-alt`}>替代文本（必填）</label>
        <input
          id={`${id}-alt`}
          name="altText"
          required
          maxLength={200}
          defaultValue={state.values?.altText}
          aria-invalid={errors.altText?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-alt`, errors.altText, true)}
        />
        <p id={`${id}-alt-hint`} className={styles.hint}>
          用一句话说明图片内容，供视障读者的读屏软件朗读，不超过 200 字。
        </p>
        <ErrorText id={`${id}-alt`} errors={errors.altText} />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-caption`}>图片说明（选填）</label>
        <input
          id={`${id}-caption`}
          name="caption"
          maxLength={300}
          defaultValue={state.values?.caption}
          aria-invalid={errors.caption?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-caption`, errors.caption)}
        />
        <ErrorText id={`${id}-caption`} errors={errors.caption} />
      </div>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label={submitLabel} pendingLabel="正在上传…" />
    </form>
  );
}
