'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionState } from '@/lib/actions/state';

export type SaveKind = 'save' | 'autosave';

/** Drafts save themselves this long after the last change. */
const AUTOSAVE_MS = 4000;
/** While a save is still running, the next autosave waits this long and tries again. */
const BUSY_RETRY_MS = 1000;

type Options = {
  /** Autosave runs only while this holds (a draft the user may edit, no version conflict open). */
  enabled: boolean;
  /** A successful save leaves the page (creating an article): the form counts as saved meanwhile. */
  leavesOnSave: boolean;
  /** Sends the form; called with the kind of save. */
  send: (kind: SaveKind) => Promise<ActionState>;
  /** Everything else the form does with the answer (version, conflict, messages). */
  onResult: (kind: SaveKind, result: ActionState) => void;
};

/**
 * The editor's unsaved-changes state and its saves: `markChanged` on every edit, `save` for the
 * save button, and an autosave into the same draft a few seconds after the last change. One save
 * runs at a time. A failed autosave is not retried until the text changes again: `status` (the
 * line under the form) says why. `dirty` also drives the leave warning.
 */
export function useAutosave({ enabled, leavesOnSave, send, onResult }: Options) {
  const changes = useRef(0);
  const saving = useRef(false);
  const [dirty, setDirty] = useState(false);
  const [changeTick, setChangeTick] = useState(0);
  const [status, setStatus] = useState('');

  const markChanged = useCallback(() => {
    changes.current += 1;
    setDirty(true);
    setChangeTick((tick) => tick + 1);
  }, []);

  /** Runs one save; returns true when it stored the text. */
  const save = async (kind: SaveKind): Promise<boolean> => {
    if (saving.current) return false;
    saving.current = true;
    const startedAt = changes.current;
    if (leavesOnSave) setDirty(false); // so the leave warning lets the navigation through
    try {
      const result = await send(kind);
      if (result.ok) {
        if (changes.current === startedAt) setDirty(false);
        const time = new Date().toLocaleTimeString('zh-CN', { hour12: false });
        setStatus(kind === 'autosave' ? `已保存（自动保存于 ${time}）` : `已保存（${time}）`);
      } else {
        if (leavesOnSave) setDirty(true);
        // A manual save and a version conflict show their message in the form instead.
        if (kind === 'autosave' && result.data?.conflict !== 'version') {
          setStatus(result.fieldErrors ? '自动保存未完成：有内容需要修改，请点击“保存”查看。' : `自动保存未完成：${result.message ?? ''}`);
        }
      }
      onResult(kind, result);
      return result.ok;
    } finally {
      saving.current = false;
    }
  };

  useEffect(() => {
    if (!enabled || !dirty) return;
    let timer: ReturnType<typeof setTimeout>;
    const attempt = () => {
      if (saving.current) {
        timer = setTimeout(attempt, BUSY_RETRY_MS);
        return;
      }
      setStatus('正在自动保存…');
      void save('autosave');
    };
    timer = setTimeout(attempt, AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // save() reads refs only; the timer restarts on every change (changeTick).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, dirty, changeTick]);

  return { dirty, status, markChanged, save };
}
