'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { FormFooter } from '@/components/forms/Field';
import formStyles from '@/components/forms/forms.module.css';
import { describedBy, ErrorText } from '@/components/media/FieldError';
import media from '@/components/media/media.module.css';
import { submitSafely } from '@/components/media/submit-safely';
import { initialActionState } from '@/lib/actions/state';
import type { MediaListResponse } from '@/lib/media/types';
import { uploadRecordPhotoAction } from '@/lib/records/actions';
import type { RecordPhoto } from '@/lib/records/types';

type Props = { open: boolean; onClose(): void; onSelect(photo: RecordPhoto): void };

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & MediaListResponse);

/**
 * Choose a record's photo from the media library, or upload one into it, in a modal dialog
 * rendered into document.body (the record form must not hold another form).
 */
export function PhotoPicker({ open, onClose, onSelect }: Props) {
  if (!open || typeof document === 'undefined') return null;
  return createPortal(<PickerDialog onClose={onClose} onSelect={onSelect} />, document.body);
}

function PickerDialog({ onClose, onSelect }: Omit<Props, 'open'>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const searchId = useId();
  const [query, setQuery] = useState<{ q: string; cursor?: string }>({ q: '' });
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [tab, setTab] = useState<'library' | 'upload'>('library');

  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      returnTo?.focus();
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ q: query.q, ...(query.cursor ? { cursor: query.cursor } : {}) });
    fetch(`/admin/records/photos?${params}`, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        setLoaded(response.ok ? { status: 'ready', ...(body as MediaListResponse) } : { status: 'error', message: body.error ?? '照片库加载失败。' });
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setLoaded({ status: 'error', message: '照片库加载失败，请检查网络后重试。' });
      });
    return () => controller.abort();
  }, [query]);

  const choose = (photo: RecordPhoto) => {
    onSelect(photo);
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className={media.dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onSubmit={(e) => e.stopPropagation()}
      onInput={(e) => e.stopPropagation()}
      onChange={(e) => e.stopPropagation()}
    >
      <div className={media.dialogHead}>
        <h2 id={titleId}>选择活动照片</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          关闭
        </button>
      </div>
      <div role="group" aria-label="照片来源" className={media.tabs}>
        <button type="button" aria-pressed={tab === 'library'} onClick={() => setTab('library')}>
          从媒体库选择
        </button>
        <button type="button" aria-pressed={tab === 'upload'} onClick={() => setTab('upload')}>
          上传新照片
        </button>
      </div>
      {tab === 'upload' ? (
        <PhotoUploadForm onUploaded={choose} />
      ) : (
        <>
          <form
            role="search"
            className={media.search}
            onSubmit={(e) => {
              e.preventDefault();
              setLoaded({ status: 'loading' });
              setQuery({ q: String(new FormData(e.currentTarget).get('q') ?? '').trim() });
            }}
          >
            <label htmlFor={searchId}>搜索文件名或说明</label>
            <input id={searchId} name="q" type="search" defaultValue={query.q} maxLength={50} />
            <button type="submit" className="button">
              搜索
            </button>
          </form>
          <div aria-live="polite">
            {loaded.status === 'loading' && <p>正在加载…</p>}
            {loaded.status === 'error' && <p className={media.error}>{loaded.message}</p>}
            {loaded.status === 'ready' && loaded.items.length === 0 && <p>{query.q ? '没有符合条件的照片。' : '媒体库还没有照片，请上传。'}</p>}
          </div>
          {loaded.status === 'ready' && loaded.items.length > 0 && (
            <>
              <ul className={media.grid}>
                {loaded.items.map((item) => (
                  <li key={item.id}>
                    <button type="button" className={media.choice} onClick={() => choose({ mediaId: item.id, url: item.url, thumbUrl: item.thumbUrl, alt: item.alt })}>
                      {/* eslint-disable-next-line @next/next/no-img-element -- library thumbnails are pre-sized WebP variants */}
                      <img src={item.thumbUrl} alt="" loading="lazy" />
                      <span>{item.alt}</span>
                      <span className="visually-hidden">，选用这张照片</span>
                    </button>
                  </li>
                ))}
              </ul>
              {!(loaded.isFirst && loaded.isLast) && (
                <nav aria-label="照片分页" className={media.pager}>
                  <button type="button" className="button secondary" disabled={!loaded.prev} onClick={() => setQuery({ ...query, cursor: loaded.prev ?? undefined })}>
                    上一页
                  </button>
                  <span>
                    共 {loaded.total} 张{loaded.capped ? '以上' : ''}
                  </span>
                  <button type="button" className="button secondary" disabled={!loaded.next} onClick={() => setQuery({ ...query, cursor: loaded.next ?? undefined })}>
                    下一页
                  </button>
                </nav>
              )}
            </>
          )}
        </>
      )}
    </dialog>
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
