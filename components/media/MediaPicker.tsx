'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { MediaListResponse, PickedMedia } from '@/lib/media/types';
import styles from './media.module.css';
import { MediaUploadForm } from './MediaUploadForm';

type Props = { open: boolean; onClose(): void; onSelect(media: PickedMedia): void };

/** What the library shows: the search text and, past the first page, a keyset cursor. */
type Query = { q: string; cursor?: string };

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & MediaListResponse);

const picked = ({ id, url, alt, caption, width, height, srcSet }: PickedMedia): PickedMedia => ({ id, url, alt, caption, width, height, srcSet });

/**
 * Choose an image from the library, or upload one, in a modal dialog. Rendered into
 * document.body: the editor may place it inside its own form, and forms must not nest.
 */
export function MediaPicker({ open, onClose, onSelect }: Props) {
  if (!open || typeof document === 'undefined') return null;
  return createPortal(<PickerDialog onClose={onClose} onSelect={onSelect} />, document.body);
}

function PickerDialog({ onClose, onSelect }: Omit<Props, 'open'>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState<Query>({ q: '' });
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const search = (next: Query) => {
    setLoaded({ status: 'loading' });
    setQuery(next);
  };
  const [tab, setTab] = useState<'library' | 'upload'>('library');

  // showModal traps focus and makes the page inert; focus goes back where it was on close.
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
    fetch(`/api/admin/media?${params}`, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        setLoaded(response.ok ? { status: 'ready', ...(body as MediaListResponse) } : { status: 'error', message: body.error ?? '媒体库加载失败。' });
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setLoaded({ status: 'error', message: '媒体库加载失败，请检查网络后重试。' });
      });
    return () => controller.abort();
  }, [query]);

  const choose = useCallback(
    (media: PickedMedia) => {
      onSelect(picked(media));
      onClose();
    },
    [onSelect, onClose],
  );

  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      aria-labelledby={titleId}
      // Esc closes the dialog natively; the parent then unmounts it.
      onClose={onClose}
      // Events inside the portal still bubble to the React parents (the editor's form).
      onSubmit={(e) => e.stopPropagation()}
      onInput={(e) => e.stopPropagation()}
      onChange={(e) => e.stopPropagation()}
    >
      <div className={styles.dialogHead}>
        <h2 id={titleId}>选择图片</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          关闭
        </button>
      </div>
      <div role="group" aria-label="图片来源" className={styles.tabs}>
        <button type="button" aria-pressed={tab === 'library'} onClick={() => setTab('library')}>
          从媒体库选择
        </button>
        <button type="button" aria-pressed={tab === 'upload'} onClick={() => setTab('upload')}>
          上传新图片
        </button>
      </div>
      {tab === 'library' ? (
        <Library loaded={loaded} query={query} setQuery={search} onChoose={choose} />
      ) : loaded.status === 'ready' ? (
        <MediaUploadForm maxBytes={loaded.maxBytes} onUploaded={choose} submitLabel="上传并使用" />
      ) : (
        <p role="status">{loaded.status === 'error' ? loaded.message : '正在加载…'}</p>
      )}
    </dialog>
  );
}

type LibraryProps = {
  loaded: Loaded;
  query: Query;
  setQuery: (query: Query) => void;
  onChoose: (media: PickedMedia) => void;
};

function Library({ loaded, query, setQuery, onChoose }: LibraryProps) {
  const searchId = useId();
  return (
    <>
      <form
        role="search"
        className={styles.search}
        onSubmit={(e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
          setQuery({ q });
        }}
      >
        <label htmlFor={searchId}>搜索文件名、替代文本或说明</label>
        <input id={searchId} name="q" type="search" defaultValue={query.q} maxLength={50} />
        <button type="submit" className="button">
          搜索
        </button>
      </form>
      <div aria-live="polite">
        {loaded.status === 'loading' && <p>正在加载…</p>}
        {loaded.status === 'error' && <p className={styles.error}>{loaded.message}</p>}
        {loaded.status === 'ready' && loaded.items.length === 0 && <p>{query.q ? '没有符合条件的图片。' : '媒体库还没有图片，请先上传。'}</p>}
      </div>
      {loaded.status === 'ready' && loaded.items.length > 0 && (
        <>
          <ul className={styles.grid}>
            {loaded.items.map((item) => (
              <li key={item.id}>
                <button type="button" className={styles.choice} onClick={() => onChoose(item)}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- library thumbnails are pre-sized WebP variants */}
                  <img src={item.thumbUrl} alt="" loading="lazy" />
                  <span>{item.alt}</span>
                  <span className="visually-hidden">，选用这张图片</span>
                </button>
              </li>
            ))}
          </ul>
          {!(loaded.isFirst && loaded.isLast) && (
            <nav aria-label="媒体库分页" className={styles.pager}>
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
  );
}
