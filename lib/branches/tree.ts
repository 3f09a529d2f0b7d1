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
