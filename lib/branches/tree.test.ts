import { describe, expect, it } from 'vitest';
import { branchOptions, placeSubtree } from './tree';

describe('branchOptions', () => {
  it('lists parents before children, siblings in the given order, indented by depth', () => {
    const rows = [
      { id: 5, parentId: 2, name: '第二支部' },
      { id: 1, parentId: null, name: '工委' },
      { id: 2, parentId: 1, name: '发改委机关党委' },
      { id: 3, parentId: 2, name: '第一支部' },
      { id: 4, parentId: 3, name: '第一党小组' },
      { id: 6, parentId: 1, name: '财政局机关党委' },
    ];
    expect(branchOptions(rows)).toEqual([
      { id: 1, label: '工委' },
      { id: 2, label: '　发改委机关党委' },
      { id: 5, label: '　　第二支部' },
      { id: 3, label: '　　第一支部' },
      { id: 4, label: '　　　第一党小组' },
      { id: 6, label: '　财政局机关党委' },
    ]);
  });

  it('leaves out nodes that cannot be placed under a root', () => {
    expect(branchOptions([{ id: 9, parentId: 8, name: '孤儿' }])).toEqual([]);
    expect(branchOptions([])).toEqual([]);
  });
});

describe('placeSubtree', () => {
  const rows = [
    { id: 1, parentId: null, name: '工委' },
    { id: 2, parentId: 1, name: '发改委机关党委' },
    { id: 5, parentId: 2, name: '第二支部' },
    { id: 3, parentId: 2, name: '第一支部' },
    { id: 4, parentId: 3, name: '第一党小组' },
    { id: 6, parentId: 1, name: '财政局机关党委' },
    { id: 7, parentId: 6, name: '财政局第一支部' },
  ];

  it('places the whole tree in order, each node under the unit right below the top', () => {
    const placed = placeSubtree(rows, 1);
    expect([...placed.values()].map((n) => [n.id, n.unitId, n.order])).toEqual([
      [1, 1, 0],
      [2, 2, 1],
      [5, 2, 2],
      [3, 2, 3],
      [4, 2, 4],
      [6, 6, 5],
      [7, 6, 6],
    ]);
  });

  it('keeps only the subtree of a node, still naming the unit it belongs to', () => {
    const placed = placeSubtree(rows, 3);
    expect([...placed.keys()]).toEqual([3, 4]);
    expect(placed.get(4)).toMatchObject({ unitId: 2, name: '第一党小组' });
  });

  it('is empty for a node that is not in the tree, and survives a cycle', () => {
    expect(placeSubtree(rows, 99).size).toBe(0);
    const cyclic = [...rows, { id: 8, parentId: 9, name: '甲' }, { id: 9, parentId: 8, name: '乙' }];
    expect(placeSubtree(cyclic, 1).size).toBe(7);
  });
});
