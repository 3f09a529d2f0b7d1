import { formatDateTime } from '@/lib/format';
import { bodyToBlocks } from './diff-blocks';
import { type DiffRow, diffBlocks } from './diff-lines';
import { type DiffSegment, diffText } from './diff-text';
import { type ArticleSnapshot, snapshotFieldLabels } from './editable-fields';

export { bodyToBlocks } from './diff-blocks';
export { diffBlocks, type DiffKind, type DiffRow } from './diff-lines';
export { diffText, type DiffSegment } from './diff-text';

export type SnapshotField = Exclude<keyof ArticleSnapshot, 'bodyJson'>;

export type FieldDiff = {
  field: SnapshotField;
  label: string;
  left: string;
  right: string;
  changed: boolean;
  /** Character-level marks, only when both sides changed and neither is empty. */
  leftSegments?: DiffSegment[];
  rightSegments?: DiffSegment[];
};

export type SnapshotDiff = { fields: FieldDiff[]; body: DiffRow[]; changedCount: number };

export type SnapshotNames = {
  columnName(id: number): string;
  mediaName(id: number | null): string;
};

export const EMPTY_VALUE = '（空）';

/** 2026年11月27日 10:00 in Beijing time, built on the shared formatter so the zone rule lives in one place. */
export function formatPublishAt(value: string | null): string {
  const text = formatDateTime(value);
  const match = /^(\d{4})-(\d{2})-(\d{2}) (.*)$/.exec(text);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日 ${match[4]}` : text;
}

function display(field: SnapshotField, s: ArticleSnapshot, names: SnapshotNames): string {
  const value = s[field];
  let text: string;
  if (field === 'columnId') text = names.columnName(s.columnId);
  else if (field === 'coverMediaId') text = names.mediaName(s.coverMediaId);
  else if (field === 'pinned') text = s.pinned ? '是' : '否';
  else if (field === 'publishAt') text = formatPublishAt(s.publishAt);
  else text = typeof value === 'string' ? value : '';
  return text.trim() ? text : EMPTY_VALUE;
}

// Compared on stored values: two media files may share a name, and a time may be spelled two ways.
function comparable(field: SnapshotField, s: ArticleSnapshot): unknown {
  if (field === 'publishAt') return s.publishAt ? new Date(s.publishAt).getTime() : null;
  const value = s[field];
  return value === '' ? null : value;
}

/** Everything that differs between two revisions, formatted for the side-by-side view. */
export function diffSnapshots(a: ArticleSnapshot, b: ArticleSnapshot, names: SnapshotNames): SnapshotDiff {
  const fields = (Object.keys(snapshotFieldLabels) as SnapshotField[]).map((field): FieldDiff => {
    const left = display(field, a, names);
    const right = display(field, b, names);
    const changed = comparable(field, a) !== comparable(field, b);
    const marks = changed && left !== EMPTY_VALUE && right !== EMPTY_VALUE && left !== right ? diffText(left, right) : {};
    return { field, label: snapshotFieldLabels[field], left, right, changed, ...marks };
  });
  const body = diffBlocks(bodyToBlocks(a.bodyJson), bodyToBlocks(b.bodyJson));
  const changedCount = fields.filter((f) => f.changed).length + body.filter((row) => row.kind !== 'same').length;
  return { fields, body, changedCount };
}
