import { canonicalJson } from './chain';

// Field-level comparison of an audit row's before and after snapshots, for the detail page.

export type DiffChange = 'added' | 'removed' | 'changed' | 'same';

export type DiffRow = {
  /** Dot path of the field (`branch.name`); '' when a snapshot is not an object at all. */
  field: string;
  /** undefined when the field is absent on that side. */
  before: unknown;
  after: unknown;
  change: DiffChange;
};

type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Leaves of a snapshot by dot path. Objects are walked; arrays, scalars and empty objects are
 * leaves, so a list shows as one value rather than one row per index.
 */
function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) leaves(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix) {
    out.set(prefix, value ?? null);
  } else if (value !== undefined && value !== null && !isPlainObject(value)) {
    out.set('', value);
  }
  return out;
}

const sameValue = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** One row per field present on either side, sorted by path. A null snapshot has no fields. */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const left = leaves(before);
  const right = leaves(after);
  const fields = [...new Set([...left.keys(), ...right.keys()])].sort();
  return fields.map((field) => {
    const inBefore = left.has(field);
    const inAfter = right.has(field);
    const b = left.get(field);
    const a = right.get(field);
    const change: DiffChange = !inBefore ? 'added' : !inAfter ? 'removed' : sameValue(b, a) ? 'same' : 'changed';
    return { field, before: b, after: a, change };
  });
}

/** Counts of each kind of change, for a one-line summary. */
export function summarizeDiff(rows: DiffRow[]): Record<DiffChange, number> {
  const counts: Record<DiffChange, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const row of rows) counts[row.change]++;
  return counts;
}
