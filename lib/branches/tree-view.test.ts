import { describe, expect, it } from 'vitest';
import { buildBranchTree, countHits, type TreeRow } from './tree-view';

const row = (id: number, parentId: number | null, name: string, code: string, kind: TreeRow['kind'] = 'branch'): TreeRow => ({ id, parentId, kind, name, code, dissolvedOn: null });
const rows = [row(1, null, '工委', 'WC', 'work_committee'), row(2, 1, '发改委机关党委', 'U01', 'unit_organization'), row(3, 2, '第一支部', 'U01-B1'), row(4, 3, '第一党小组', 'U01-B1-P1', 'party_group'), row(5, 1, '财政局机关党委', 'U02', 'unit_organization')];

describe('buildBranchTree', () => {
  it('rolls the roster up the tree, by status and in total', () => {
    const [root] = buildBranchTree(rows, [
      { branchId: 3, status: 'full_member', n: 10 },
      { branchId: 3, status: 'probationary', n: 2 },
      { branchId: 4, status: 'full_member', n: 3 },
      { branchId: 5, status: 'activist', n: 1 },
    ]);
    expect(root!.total).toBe(16);
    expect(root!.subtree).toEqual({ full_member: 13, probationary: 2, activist: 1 });
    const branch = root!.children[0]!.children[0]!;
    expect(branch.own).toEqual({ full_member: 10, probationary: 2 });
    expect(branch.subtree).toEqual({ full_member: 13, probationary: 2 });
    expect(branch.children[0]!.total).toBe(3);
  });

  it('makes the top of a partial tree (a secretary’s subtree) a root', () => {
    const forest = buildBranchTree(rows.slice(2, 4), []);
    expect(forest.map((n) => n.code)).toEqual(['U01-B1']);
    expect(forest[0]!.children.map((n) => n.code)).toEqual(['U01-B1-P1']);
  });

  it('marks hits of a search by name or code, and their ancestors as matching', () => {
    const forest = buildBranchTree(rows, [], '党小组');
    expect(countHits(forest)).toBe(1);
    const root = forest[0]!;
    expect([root.matches, root.hit]).toEqual([true, false]);
    expect(root.children.map((n) => [n.code, n.matches])).toEqual([
      ['U01', true],
      ['U02', false],
    ]);
    expect(countHits(buildBranchTree(rows, [], 'u01-b1'))).toBe(2);
  });
});
