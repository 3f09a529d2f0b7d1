export type DiffSegment = { text: string; changed: boolean };
export type Op = '=' | '-' | '+';

// Characters of one changed line; a line past this keeps only its common head and tail.
const MAX_CHAR_CELLS = 4_000_000; // about 2000 × 2000 characters

function lcsOps<T>(a: T[], b: T[]): Op[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // Suffix LCS lengths; the caps above keep every length below 65536.
  const table = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = a[i] === b[j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('=');
      i++;
      j++;
    } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) {
      ops.push('-');
      i++;
    } else {
      ops.push('+');
      j++;
    }
  }
  return ops.concat(Array<Op>(n - i).fill('-'), Array<Op>(m - j).fill('+'));
}

function replaceOps<T>(a: T[], b: T[]): Op[] {
  return [...Array<Op>(a.length).fill('-'), ...Array<Op>(b.length).fill('+')];
}

/** Common head and tail cost nothing; only the differing middle goes through the quadratic step. */
export function editOps<T>(a: T[], b: T[], afford: (cells: number) => boolean, fallback: (a: T[], b: T[]) => Op[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const cells = (midA.length + 1) * (midB.length + 1);
  const middle = afford(cells) ? lcsOps(midA, midB) : fallback(midA, midB);
  return [...Array<Op>(head).fill('='), ...middle, ...Array<Op>(tail).fill('=')];
}

type Piece = { eq: string } | { del: string; ins: string };

function changeSize(piece: { del: string; ins: string }): number {
  return Math.max(Array.from(piece.del).length, Array.from(piece.ins).length);
}

export type CharBudget = { cells: number };

function afford(budget: CharBudget) {
  return (cells: number) => {
    if (cells > MAX_CHAR_CELLS || cells > budget.cells) return false;
    budget.cells -= cells;
    return true;
  };
}

/** Character-level segments of a changed line; Chinese has no spaces, so characters are the unit. */
export function diffText(
  left: string,
  right: string,
  budget: CharBudget = { cells: MAX_CHAR_CELLS },
): { leftSegments: DiffSegment[]; rightSegments: DiffSegment[] } {
  const a = Array.from(left);
  const b = Array.from(right);
  // Past the budget the line is still split into unchanged head, changed middle and unchanged tail.
  const ops = editOps(a, b, afford(budget), replaceOps);
  const pieces: Piece[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    const last = pieces.at(-1);
    if (op === '=') {
      if (last && 'eq' in last) last.eq += a[i]!;
      else pieces.push({ eq: a[i]! });
      i++;
      j++;
      continue;
    }
    const change = last && 'del' in last ? last : { del: '', ins: '' };
    if (change !== last) pieces.push(change);
    if (op === '-') change.del += a[i++]!;
    else change.ins += b[j++]!;
  }
  return toSegments(mergeShortEquals(pieces));
}

// A lone common character between two larger edits (often 的, 了, a comma) is noise: fold it into the edit.
function mergeShortEquals(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const eq = out.at(-1);
    const before = out.at(-2);
    if ('del' in piece && eq && 'eq' in eq && before && 'del' in before) {
      const size = Array.from(eq.eq).length;
      if (size <= 2 && size < changeSize(before) && size < changeSize(piece)) {
        out.pop();
        before.del += eq.eq + piece.del;
        before.ins += eq.eq + piece.ins;
        continue;
      }
    }
    out.push(piece);
  }
  return out;
}

function toSegments(pieces: Piece[]) {
  const leftSegments: DiffSegment[] = [];
  const rightSegments: DiffSegment[] = [];
  const add = (list: DiffSegment[], text: string, changed: boolean) => {
    if (!text) return;
    const last = list.at(-1);
    if (last && last.changed === changed) last.text += text;
    else list.push({ text, changed });
  };
  for (const piece of pieces) {
    if ('eq' in piece) {
      add(leftSegments, piece.eq, false);
      add(rightSegments, piece.eq, false);
    } else {
      add(leftSegments, piece.del, true);
      add(rightSegments, piece.ins, true);
    }
  }
  return { leftSegments, rightSegments };
}

