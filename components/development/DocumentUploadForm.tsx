'use client';

import { useActionState } from 'react';
import { Field, FormFooter } from '@/components/forms/Field';
import forms from '@/components/forms/forms.module.css';
import { ErrorText, describedBy } from '@/components/media/FieldError';
import { submitSafely } from '@/components/media/submit-safely';
import { useFileSizeCheck } from '@/components/media/use-file-size-check';
import { initialActionState } from '@/lib/actions/state';
import { uploadDevelopmentDocumentAction } from '@/lib/development/actions';

type Props = { personId: number; kinds: { value: string; label: string }[]; maxMb: number };

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads one document (材料) to a development file: its kind, a title and the file. */
export function DocumentUploadForm({ personId, kinds, maxMb }: Props) {
  const [state, action, pending] = useActionState(submitSafely(uploadDevelopmentDocumentAction), initialActionState);
  const { sizeError, check, onSubmit } = useFileSizeCheck('附件', maxMb * 1024 * 1024);
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? {} : (state.values ?? {});
  const fileErrors = sizeError ? [sizeError] : errors.file;
  return (
    <form action={action} className={forms.form} noValidate onSubmit={onSubmit}>
      <input type="hidden" name="personId" value={personId} />
      <Field name="doc-kind" label="材料类别" errors={errors.kind}>
        <select
          id="field-doc-kind"
          name="kind"
          required
          defaultValue={values.kind ?? ''}
          aria-invalid={errors.kind?.length ? true : undefined}
          aria-describedby={errors.kind?.length ? 'field-doc-kind-error' : undefined}
        >
          <option value="">请选择</option>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="doc-title" label="标题" errors={errors.title} hint="如“2025年第二季度思想汇报”。">
        <input
          id="field-doc-title"
          name="title"
          maxLength={100}
          required
          defaultValue={values.title ?? ''}
          aria-invalid={errors.title?.length ? true : undefined}
          aria-describedby={describedBy('field-doc-title', errors.title, true)}
        />
      </Field>
      <div className={forms.field}>
        <label htmlFor="field-doc-file">文件</label>
        <input
          id="field-doc-file"
          name="file"
          type="file"
          required
          accept={ACCEPT}
          onChange={(e) => check(e.target.files?.[0])}
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={describedBy('field-doc-file', fileErrors, true)}
        />
        <p id="field-doc-file-hint" className={forms.hint}>
          PDF、JPEG 或 PNG 扫描件、Word（.docx）或 Excel（.xlsx），不超过 {maxMb} MB；按文件内容识别类型。
        </p>
        <ErrorText id="field-doc-file" errors={fileErrors} />
      </div>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="上传材料" pendingLabel="正在上传…" />
    </form>
  );
}
