'use client';

import { useActionState } from 'react';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { moveColumnAction, setColumnVisibleAction } from '@/lib/columns/actions';
import styles from './columns.module.css';

type Props = { id: number; name: string; visible: boolean; first: boolean; last: boolean };

/** Refusals show in the row; successes are announced only, the list itself shows the change. */
function RowMessage({ state }: { state: ActionState }) {
  return (
    <p className={state.ok ? 'visually-hidden' : styles.rowMessage} role="status" aria-live="polite">
      {state.message ?? ''}
    </p>
  );
}

/** Move up/down and hide/show for one row of the column list. */
export function ColumnRowActions({ id, name, visible, first, last }: Props) {
  const [moveState, move, moving] = useActionState(moveColumnAction, initialActionState);
  const [visibleState, toggle, toggling] = useActionState(setColumnVisibleAction, initialActionState);
  return (
    <div>
      <div className={styles.rowActions}>
        <form action={move}>
          <input type="hidden" name="id" value={id} />
          <button type="submit" name="direction" value="up" className={styles.small} disabled={first || moving} aria-label={`上移 ${name}`}>
            上移
          </button>
          <button type="submit" name="direction" value="down" className={styles.small} disabled={last || moving} aria-label={`下移 ${name}`}>
            下移
          </button>
        </form>
        <form action={toggle}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="visible" value={visible ? 'false' : 'true'} />
          <button type="submit" className={styles.small} disabled={toggling} aria-label={`${visible ? '隐藏' : '显示'} ${name}`}>
            {visible ? '隐藏' : '显示'}
          </button>
        </form>
      </div>
      <RowMessage state={moveState} />
      <RowMessage state={visibleState} />
    </div>
  );
}
