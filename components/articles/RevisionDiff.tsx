import type { ReactNode } from 'react';
import { type DiffKind, type DiffRow, type DiffSegment, EMPTY_VALUE, type FieldDiff, type SnapshotDiff } from '@/lib/articles/diff';
import styles from './revision-diff.module.css';

type RevisionSide = { label: string };

// Written out in the row header, so the kind of change never rests on colour alone.
const KIND_LABELS: Record<DiffKind, string> = { same: '未改动', changed: '修改', removed: '删除', added: '新增' };
const FOLD_OVER = 6;
const CONTEXT = 2;

type BodyItem = { row: DiffRow; key: number } | { folded: DiffRow[]; key: number };

/** Long unchanged runs fold away, keeping a couple of rows of context next to each change. */
function foldUnchanged(rows: DiffRow[]): BodyItem[] {
  const items: BodyItem[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end < rows.length && rows[end]!.kind === 'same') end++;
    if (end === start) {
      items.push({ row: rows[start]!, key: start });
      start++;
      continue;
    }
    const lead = start > 0 ? CONTEXT : 0;
    const trail = end < rows.length ? CONTEXT : 0;
    const hidden = end - start - lead - trail;
    if (end - start > FOLD_OVER && hidden > 0) {
      rows.slice(start, start + lead).forEach((row, k) => items.push({ row, key: start + k }));
      items.push({ folded: rows.slice(start + lead, end - trail), key: start + lead });
      rows.slice(end - trail, end).forEach((row, k) => items.push({ row, key: end - trail + k }));
    } else {
      rows.slice(start, end).forEach((row, k) => items.push({ row, key: start + k }));
    }
    start = end;
  }
  return items;
}

function Marked({ text, segments, mark, empty }: { text: string | null; segments?: DiffSegment[]; mark?: 'del' | 'ins'; empty: string }) {
  if (text === null) return <span className={styles.absent}>{empty}</span>;
  if (!mark) return <>{text}</>;
  const Mark = mark;
  const parts = segments ?? [{ text, changed: true }];
  return <>{parts.map((s, k) => (s.changed ? <Mark key={k} className={styles[mark]}>{s.text}</Mark> : s.text))}</>;
}

type RowProps = { header: ReactNode; row: DiffRow; sides: [string, string]; empty?: string };

function Row({ header, row, sides, empty = '（无）' }: RowProps) {
  const changed = row.kind === 'changed';
  return (
    <tr className={styles[row.kind]}>
      <th scope="row">{header}</th>
      <td data-side={sides[0]} className={styles.text}>
        <Marked text={row.left} segments={row.leftSegments} mark={changed || row.kind === 'removed' ? 'del' : undefined} empty={empty} />
      </td>
      <td data-side={sides[1]} className={styles.text}>
        <Marked text={row.right} segments={row.rightSegments} mark={changed || row.kind === 'added' ? 'ins' : undefined} empty={empty} />
      </td>
    </tr>
  );
}

// An empty field shows as a muted placeholder, not as deleted or inserted text.
function fieldRow(f: FieldDiff): DiffRow {
  const side = (value: string) => (value === EMPTY_VALUE ? null : value);
  return { kind: 'changed', left: side(f.left), right: side(f.right), leftSegments: f.leftSegments, rightSegments: f.rightSegments };
}

export function RevisionDiff({ left, right, diff }: { left: RevisionSide; right: RevisionSide; diff: SnapshotDiff }) {
  if (diff.changedCount === 0) return <p className={styles.identical}>两个版本内容相同</p>;
  const sides: [string, string] = [left.label, right.label];
  const fields = diff.fields.filter((f) => f.changed);
  const bodyChanges = diff.body.filter((row) => row.kind !== 'same').length;
  return (
    <div className={styles.wrap}>
      <p className={styles.summary}>
        共 {diff.changedCount} 处改动（字段 {fields.length} 处，正文 {bodyChanges} 处）
      </p>
      <table className={styles.table}>
        <caption className={styles.caption}>
          {left.label} 与 {right.label} 的对比
        </caption>
        <thead>
          <tr>
            <th scope="col">内容</th>
            <th scope="col">{left.label}</th>
            <th scope="col">{right.label}</th>
          </tr>
        </thead>
        {fields.length > 0 && (
          <tbody>
            <tr className={styles.group}>
              <th colSpan={3} scope="rowgroup">字段</th>
            </tr>
            {fields.map((f) => (
              <Row key={f.field} header={f.label} row={fieldRow(f)} sides={sides} empty={EMPTY_VALUE} />
            ))}
          </tbody>
        )}
        <tbody>
          <tr className={styles.group}>
            <th colSpan={3} scope="rowgroup">正文</th>
          </tr>
          {foldUnchanged(diff.body).map((item) =>
            'row' in item ? (
              <Row key={item.key} header={KIND_LABELS[item.row.kind]} row={item.row} sides={sides} />
            ) : (
              <tr key={item.key} className={styles.fold}>
                <td colSpan={3}>
                  <details>
                    <summary>…未改动 {item.folded.length} 段…</summary>
                    {item.folded.map((row, k) => (
                      <p key={k} className={styles.text}>
                        {row.left}
                      </p>
                    ))}
                  </details>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
