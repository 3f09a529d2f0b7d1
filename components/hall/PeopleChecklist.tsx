'use client';

import { useState } from 'react';
import styles from './hall.module.css';

export type ChecklistRow = { field: string; label: string; note?: string | null; checked: boolean };

/** Checkboxes named by row, with select-all / none: the registration and attendance forms' body. */
export function PeopleChecklist({ legend, rows }: { legend: string; rows: ChecklistRow[] }) {
  const [checked, setChecked] = useState(() => new Map(rows.map((r) => [r.field, r.checked])));
  const setAll = (value: boolean) => setChecked(new Map(rows.map((r) => [r.field, value])));
  const chosen = [...checked.values()].filter(Boolean).length;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p aria-live="polite">
        已选 {chosen} / {rows.length} 人
      </p>
      <div className={styles.bulk}>
        <button type="button" className="button secondary" onClick={() => setAll(true)}>
          全选
        </button>
        <button type="button" className="button secondary" onClick={() => setAll(false)}>
          全不选
        </button>
      </div>
      <ul className={styles.people}>
        {rows.map((r) => (
          <li key={r.field}>
            <label>
              <input type="checkbox" name={r.field} checked={checked.get(r.field) ?? false} onChange={(e) => setChecked(new Map(checked).set(r.field, e.target.checked))} />
              <span>
                {r.label}
                {r.note ? <span className={styles.muted}>（{r.note}）</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
