import type { BranchKind } from '@/db/schema/branches';
import type { MemberStatus } from '@/db/schema/people';

// The tree page's model, built in memory from one read of the nodes and one grouped count of
// the roster (a work committee has under a thousand nodes). Pure.

export type StatusCounts = Partial<Record<MemberStatus, number>>;

export type TreeRow = {
  id: number;
  parentId: number | null;
  kind: BranchKind;
  name: string;
  code: string;
  dissolvedOn: string | null;
};

export type TreeNode = TreeRow & {
  /** People on this node itself, by status. */
  own: StatusCounts;
  /** People on this node and every node below it, by status. */
  subtree: StatusCounts;
  /** Everyone on this node and below. */
  total: number;
  /** This node or one below it matches the search (always true without a search). */
  matches: boolean;
  /** This node itself matches the search. */
  hit: boolean;
  children: TreeNode[];
};

export type CountRow = { branchId: number; status: MemberStatus; n: number };

const sumInto = (into: StatusCounts, from: StatusCounts) => {
  for (const [status, n] of Object.entries(from) as [MemberStatus, number][]) into[status] = (into[status] ?? 0) + n;
};

export const totalOf = (counts: StatusCounts) => Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);

/**
 * The forest of `rows` (roots: nodes whose parent is not among them, e.g. the top of a
 * secretary's subtree), siblings in the given order, with counts rolled up from `counts`.
 * With a search `q`, nodes whose name or code contains it are hits; their ancestors match too.
 */
export function buildBranchTree(rows: readonly TreeRow[], counts: readonly CountRow[], q = ''): TreeNode[] {
  const needle = q.trim().toLowerCase();
  const byId = new Map<number, TreeNode>();
  for (const row of rows) {
    const hit = needle === '' || row.name.toLowerCase().includes(needle) || row.code.toLowerCase().includes(needle);
    byId.set(row.id, { ...row, own: {}, subtree: {}, total: 0, matches: hit, hit: needle !== '' && hit, children: [] });
  }
  for (const c of counts) {
    const node = byId.get(c.branchId);
    if (node) node.own[c.status] = (node.own[c.status] ?? 0) + c.n;
  }
  const roots: TreeNode[] = [];
  for (const row of rows) {
    const node = byId.get(row.id)!;
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const roll = (node: TreeNode, seen: Set<number>) => {
    // A corrupted parent chain could loop; each node is rolled up once.
    if (seen.has(node.id)) return;
    seen.add(node.id);
    sumInto(node.subtree, node.own);
    for (const child of node.children) {
      roll(child, seen);
      sumInto(node.subtree, child.subtree);
      if (child.matches) node.matches = true;
    }
    node.total = totalOf(node.subtree);
  };
  const seen = new Set<number>();
  for (const root of roots) roll(root, seen);
  return roots;
}

/** How many nodes of the forest match (are hits of) the search. */
export function countHits(roots: readonly TreeNode[]): number {
  let n = 0;
  const walk = (nodes: readonly TreeNode[]) => {
    for (const node of nodes) {
      if (node.hit) n += 1;
      walk(node.children);
    }
  };
  walk(roots);
  return n;
}
