// Pure helpers over the branch tree as rows (id and parent id); no database access here.

export type BranchNode = { id: number; parentId: number | null; name: string };

export type BranchOption = { id: number; label: string };

/**
 * Every node in tree order (each parent before its children, siblings in the given order),
 * its label indented by depth with ideographic spaces, for a select. Nodes whose parent is
 * not among `rows` are left out, as they cannot be placed.
 */
export function branchOptions(rows: readonly BranchNode[]): BranchOption[] {
  const children = new Map<number | null, BranchNode[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const options: BranchOption[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const row of children.get(parentId) ?? []) {
      options.push({ id: row.id, label: `${'　'.repeat(depth)}${row.name}` });
      walk(row.id, depth + 1);
    }
  };
  walk(null, 0);
  return options;
}

export type PlacedNode = { id: number; name: string; unitId: number; order: number };

/**
 * The nodes of `rootId`'s subtree, each with its place in tree order (`order`, siblings in the
 * given order) and its unit: the node right below a top node that it falls under (a top node
 * is its own unit). Empty when `rootId` is not among `rows`.
 */
export function placeSubtree(rows: readonly BranchNode[], rootId: number): Map<number, PlacedNode> {
  const children = new Map<number | null, BranchNode[]>();
  for (const row of rows) {
    const siblings = children.get(row.parentId);
    if (siblings) siblings.push(row);
    else children.set(row.parentId, [row]);
  }
  const placed = new Map<number, PlacedNode>();
  let order = 0;
  // Iterative, so a deep or corrupted chain cannot overflow the stack; a node is visited once.
  const stack: { node: BranchNode; depth: number; unitId: number; inside: boolean }[] = [];
  const push = (nodes: readonly BranchNode[] | undefined, depth: number, parentUnit: number | null, inside: boolean) => {
    // Pushed last to first, so the first sibling is taken first.
    for (const node of [...(nodes ?? [])].reverse()) {
      stack.push({ node, depth, unitId: depth <= 1 || parentUnit === null ? node.id : parentUnit, inside: inside || node.id === rootId });
    }
  };
  const seen = new Set<number>();
  push(children.get(null), 0, null, false);
  while (stack.length > 0) {
    const { node, depth, unitId, inside } = stack.pop()!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    if (inside) placed.set(node.id, { id: node.id, name: node.name, unitId, order: order++ });
    push(children.get(node.id), depth + 1, unitId, inside);
  }
  return placed;
}
