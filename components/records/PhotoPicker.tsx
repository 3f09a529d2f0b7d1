'use client';

import { useActionState, useId } from 'react';
import { FormFooter } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { describedBy, ErrorText } from '@/components/media/FieldError';
import { LibraryPicker, type LibraryWords } from '@/components/media/LibraryPicker';
import { submitSafely } from '@/components/media/submit-safely';
import { initialActionState } from '@/lib/actions/state';
import type { MediaItem } from '@/lib/media/types';
import { uploadRecordPhotoAction } from '@/lib/records/actions';
import type { RecordPhoto } from '@/lib/records/types';

type Props = { open: boolean; onClose(): void; onSelect(photo: RecordPhoto): void };

const words: LibraryWords = {
  title: '选择活动照片',
  sources: '照片来源',
  uploadTab: '上传新照片',
  searchLabel: '搜索文件名或说明',
  loadFailed: '照片库加载失败。',
  offline: '照片库加载失败，请检查网络后重试。',
  noMatch: '没有符合条件的照片。',
  empty: '媒体库还没有照片，请上传。',
  chooseHint: '，选用这张照片',
  pagerLabel: '照片分页',
};

const photoOf = (item: MediaItem): RecordPhoto => ({ mediaId: item.id, url: item.url, thumbUrl: item.thumbUrl, alt: item.alt });

/**
 * Choose a record's photo from the media library, or upload one into it. The list comes from
 * the records route, which lets record writers (not only media editors) browse the library.
 */
export function PhotoPicker({ open, onClose, onSelect }: Props) {
  return (
    <LibraryPicker
      open={open}
      onClose={onClose}
      onSelect={onSelect}
      endpoint="/admin/records/photos"
      words={words}
      toChoice={photoOf}
      upload={(onUploaded) => <PhotoUploadForm onUploaded={onUploaded} />}
    />
  );
}

function PhotoUploadForm({ onUploaded }: { onUploaded: (photo: RecordPhoto) => void }) {
  const [state, action, pending] = useActionState(
    submitSafely(uploadRecordPhotoAction, (s) => s.data && onUploaded({ mediaId: Number(s.data.id), url: s.data.url ?? '', thumbUrl: s.data.thumbUrl ?? '', alt: s.data.alt ?? '' })),
    initialActionState,
  );
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={formStyles.form} noValidate>
      <div className={formStyles.field}>
        <label htmlFor={`${id}-file`}>照片文件</label>
        <input id={`${id}-file`} name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required aria-invalid={errors.file?.length ? true : undefined} aria-describedby={describedBy(`${id}-file`, errors.file, true)} />
        <p id={`${id}-file-hint`} className={formStyles.hint}>
          JPEG、PNG、WebP 或 GIF。上传时会去除拍摄地点等元数据。
        </p>
        <ErrorText id={`${id}-file`} errors={errors.file} />
      </div>
      <div className={formStyles.field}>
        <label htmlFor={`${id}-alt`}>照片说明（必填）</label>
        <input id={`${id}-alt`} name="altText" required maxLength={200} defaultValue={state.values?.altText} aria-invalid={errors.altText?.length ? true : undefined} aria-describedby={describedBy(`${id}-alt`, errors.altText)} />
        <ErrorText id={`${id}-alt`} errors={errors.altText} />
      </div>
      <FormFooter ok={state.ok} message={state.message} pending={pending} label="上传并使用" pendingLabel="正在上传…" />
    </form>
  );
}
