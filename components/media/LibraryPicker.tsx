'use client';

import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { MediaItem, MediaListResponse } from '@/lib/media/types';
import styles from './media.module.css';

/** The texts that tell one use of the picker from another (an article's image, a record's photo). */
export type LibraryWords = {
  /** The dialog's heading, which also names it. */
  title: string;
  /** aria-label of the library / upload tab group. */
  sources: string;
  uploadTab: string;
  searchLabel: string;
  /** Shown when the endpoint answers with an error and no message of its own. */
  loadFailed: string;
  /** Shown when the request itself fails. */
  offline: string;
  noMatch: string;
  empty: string;
  /** Read after each thumbnail's alt text, so a screen reader hears what the button does. */
  chooseHint: string;
  pagerLabel: string;
};

/** What the library shows: the search text and, past the first page, a keyset cursor. */
export type LibraryQuery = { q: string; cursor?: string };

export type LibraryLoad = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & MediaListResponse);

type Props<T> = {
  open: boolean;
  onClose(): void;
  onSelect(choice: T): void;
  /** A JSON route answering GET ?q=&cursor= with a MediaListResponse. */
  endpoint: string;
  words: LibraryWords;
  /** What a library item becomes when chosen. */
  toChoice(item: MediaItem): T;
  /**
   * The upload tab. `library` is passed because an upload form may need what the list answered
   * (the size limit); `onUploaded` chooses the new item and closes the dialog.
   */
  upload(onUploaded: (choice: T) => void, library: LibraryLoad): ReactNode;
};

/**
 * Choose an item from the media library, or upload one, in a modal dialog. Rendered into
 * document.body: the caller may place it inside its own form, and forms must not nest.
 */
export function LibraryPicker<T>({ open, ...props }: Props<T>) {
  if (!open || typeof document === 'undefined') return null;
  return createPortal(<PickerDialog {...props} />, document.body);
}

function PickerDialog<T>({ onClose, onSelect, endpoint, words, toChoice, upload }: Omit<Props<T>, 'open'>) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState<LibraryQuery>({ q: '' });
  const [loaded, setLoaded] = useState<LibraryLoad>({ status: 'loading' });
  // Every new query, a search or a page turn, clears the grid first: a stale page must not be chosen from.
  const search = (next: LibraryQuery) => {
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
    fetch(`${endpoint}?${params}`, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        const body = await response.json();
        setLoaded(response.ok ? { status: 'ready', ...(body as MediaListResponse) } : { status: 'error', message: body.error ?? words.loadFailed });
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setLoaded({ status: 'error', message: words.offline });
      });
    return () => controller.abort();
  }, [endpoint, query, words.loadFailed, words.offline]);

  const choose = useCallback(
    (choice: T) => {
      onSelect(choice);
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
      // Events inside the portal still bubble to the React parents (the caller's form).
      onSubmit={(e) => e.stopPropagation()}
      onInput={(e) => e.stopPropagation()}
      onChange={(e) => e.stopPropagation()}
    >
      <div className={styles.dialogHead}>
        <h2 id={titleId}>{words.title}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          关闭
        </button>
      </div>
      <div role="group" aria-label={words.sources} className={styles.tabs}>
        <button type="button" aria-pressed={tab === 'library'} onClick={() => setTab('library')}>
          从媒体库选择
        </button>
        <button type="button" aria-pressed={tab === 'upload'} onClick={() => setTab('upload')}>
          {words.uploadTab}
        </button>
      </div>
      {tab === 'library' ? <LibraryView loaded={loaded} query={query} setQuery={search} words={words} onChoose={(item) => choose(toChoice(item))} /> : upload(choose, loaded)}
    </dialog>
  );
}

type LibraryViewProps = {
  loaded: LibraryLoad;
  query: LibraryQuery;
  setQuery: (query: LibraryQuery) => void;
  words: LibraryWords;
  onChoose: (item: MediaItem) => void;
};

/** The library tab: search form, thumbnail grid and pager. Exported for its tests. */
export function LibraryView({ loaded, query, setQuery, words, onChoose }: LibraryViewProps) {
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
        <label htmlFor={searchId}>{words.searchLabel}</label>
        <input id={searchId} name="q" type="search" defaultValue={query.q} maxLength={50} />
        <button type="submit" className="button">
          搜索
        </button>
      </form>
      <div aria-live="polite">
        {loaded.status === 'loading' && <p>正在加载…</p>}
        {loaded.status === 'error' && <p className={styles.error}>{loaded.message}</p>}
        {loaded.status === 'ready' && loaded.items.length === 0 && <p>{query.q ? words.noMatch : words.empty}</p>}
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
                  <span className="visually-hidden">{words.chooseHint}</span>
                </button>
              </li>
            ))}
          </ul>
          {!(loaded.isFirst && loaded.isLast) && (
            <nav aria-label={words.pagerLabel} className={styles.pager}>
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
