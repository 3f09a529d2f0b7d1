import { describe, expect, it } from 'vitest';
import { branchOptions } from './tree';

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
