import { type CharBudget, type DiffSegment, type Op, editOps, diffText } from './diff-text';

export type DiffKind = 'same' | 'changed' | 'removed' | 'added';
export type DiffRow = {
  kind: DiffKind;
  left: string | null;
  right: string | null;
  leftSegments?: DiffSegment[];
  rightSegments?: DiffSegment[];
};

// The LCS table is (n+1)·(m+1) cells; past this a windowed alignment takes over so a diff never hangs.
const MAX_BLOCK_CELLS = 9_000_000; // about 3000 × 3000 blocks
const MAX_CHAR_CELLS_PER_BODY = 16_000_000; // many long rewritten paragraphs must not add up to seconds
const MAX_PAIRING_CELLS = 2_500; // a replaced run of up to 50 × 50 blocks is paired by similarity
const FALLBACK_WINDOW = 64;
const MIN_PAIR_SIMILARITY = 0.4;

/** O((n+m)·window): re-synchronises on the nearest equal block; everything still appears once. */
function windowedOps<T>(a: T[], b: T[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push('=');
      i++;
      j++;
      continue;
    }
    let skipped = false;
    for (let k = 1; k <= FALLBACK_WINDOW && !skipped; k++) {
      if (a[i + k] !== undefined && a[i + k] === b[j]) {
        ops.push(...Array<Op>(k).fill('-'));
        i += k;
        skipped = true;
      } else if (b[j + k] !== undefined && a[i] === b[j + k]) {
        ops.push(...Array<Op>(k).fill('+'));
        j += k;
        skipped = true;
      }
    }
    if (!skipped) {
      ops.push('-', '+');
      i++;
      j++;
    }
  }
  return ops.concat(Array<Op>(a.length - i).fill('-'), Array<Op>(b.length - j).fill('+'));
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const grams = new Map<string, number>();
  const units = chars.length < 2 ? chars : chars.slice(1).map((c, k) => chars[k]! + c);
  for (const g of units) grams.set(g, (grams.get(g) ?? 0) + 1);
  return grams;
}

/** Dice coefficient over character bigrams: linear, good enough to tell an edit from a different paragraph. */
function similarity(ga: Map<string, number>, gb: Map<string, number>): number {
  let overlap = 0;
  let total = 0;
  for (const [g, count] of ga) {
    overlap += Math.min(count, gb.get(g) ?? 0);
    total += count;
  }
  for (const count of gb.values()) total += count;
  return total === 0 ? 1 : (2 * overlap) / total;
}

/** Which removed block became which added block: the monotone matching with the most similarity. */
function pairBySimilarity(removed: string[], added: string[]): [number, number][] {
  const r = removed.length;
  const s = added.length;
  if (r === 0 || s === 0 || r * s > MAX_PAIRING_CELLS) return [];
  const gramsA = removed.map(bigrams);
  const gramsB = added.map(bigrams);
  const w = s + 1;
  const best = new Float64Array((r + 1) * w);
  const sims = new Float64Array(r * s);
  for (let i = r - 1; i >= 0; i--) {
    for (let j = s - 1; j >= 0; j--) {
      const sim = similarity(gramsA[i]!, gramsB[j]!);
      sims[i * s + j] = sim;
      const paired = sim >= MIN_PAIR_SIMILARITY ? best[(i + 1) * w + j + 1]! + sim : -1;
      best[i * w + j] = Math.max(paired, best[(i + 1) * w + j]!, best[i * w + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < r && j < s) {
    const sim = sims[i * s + j]!;
    if (sim >= MIN_PAIR_SIMILARITY && best[i * w + j] === best[(i + 1) * w + j + 1]! + sim) pairs.push([i++, j++]);
    else if (best[i * w + j] === best[(i + 1) * w + j]) i++;
    else j++;
  }
  return pairs;
}

function changedRow(left: string, right: string, budget: CharBudget): DiffRow {
  return { kind: 'changed', left, right, ...diffText(left, right, budget) };
}

/** Rows for one run of removed and added blocks: similar ones side by side, the rest paired in order. */
function hunkRows(removed: string[], added: string[], budget: CharBudget): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const gap = (untilI: number, untilJ: number) => {
    while (i < untilI && j < untilJ) rows.push(changedRow(removed[i++]!, added[j++]!, budget));
    while (i < untilI) rows.push({ kind: 'removed', left: removed[i++]!, right: null });
    while (j < untilJ) rows.push({ kind: 'added', left: null, right: added[j++]! });
  };
  for (const [pi, pj] of pairBySimilarity(removed, added)) {
    gap(pi, pj);
    rows.push(changedRow(removed[i++]!, added[j++]!, budget));
  }
  gap(removed.length, added.length);
  return rows;
}

/** Side-by-side rows for two lists of blocks, aligned on their longest common subsequence. */
export function diffBlocks(a: string[], b: string[]): DiffRow[] {
  const ops = editOps(a, b, (cells) => cells <= MAX_BLOCK_CELLS, windowedOps);
  const budget: CharBudget = { cells: MAX_CHAR_CELLS_PER_BODY };
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (const row of hunkRows(removed, added, budget)) rows.push(row);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === '-') removed.push(a[i++]!);
    else if (op === '+') added.push(b[j++]!);
    else {
      flush();
      rows.push({ kind: 'same', left: a[i++]!, right: b[j++]! });
    }
  }
  flush();
  return rows;
}
