import { describe, expect, it } from 'vitest';
import { diffSnapshots, summarizeDiff } from './diff';

const changesOf = (before: unknown, after: unknown) => Object.fromEntries(diffSnapshots(before, after).map((r) => [r.field, r.change]));

describe('diffSnapshots', () => {
  it('marks each field of an update as changed, same, added or removed', () => {
    const rows = diffSnapshots(
      { username: 'li', role: 'editor', active: true, phone: '123' },
      { username: 'li', role: 'admin', active: true, email: 'li@example.cn' },
    );
    expect(rows).toEqual([
      { field: 'active', before: true, after: true, change: 'same' },
      { field: 'email', before: undefined, after: 'li@example.cn', change: 'added' },
      { field: 'phone', before: '123', after: undefined, change: 'removed' },
      { field: 'role', before: 'editor', after: 'admin', change: 'changed' },
      { field: 'username', before: 'li', after: 'li', change: 'same' },
    ]);
    expect(summarizeDiff(rows)).toEqual({ added: 1, removed: 1, changed: 1, same: 2 });
  });

  it('walks nested objects by dot path and keeps arrays whole', () => {
    expect(
      changesOf({ branch: { id: 1, name: '第一支部' }, tags: ['a', 'b'] }, { branch: { id: 1, name: '第二支部' }, tags: ['a', 'b', 'c'] }),
    ).toEqual({ 'branch.id': 'same', 'branch.name': 'changed', tags: 'changed' });
    expect(changesOf({ tags: ['a', { x: 1, y: 2 }] }, { tags: ['a', { y: 2, x: 1 }] })).toEqual({ tags: 'same' });
  });

  it('lists every field as added on create and as removed on delete', () => {
    expect(changesOf(null, { username: 'li', profile: { city: '江州' } })).toEqual({ username: 'added', 'profile.city': 'added' });
    expect(changesOf({ username: 'li' }, null)).toEqual({ username: 'removed' });
    expect(diffSnapshots(null, null)).toEqual([]);
    expect(diffSnapshots({}, undefined)).toEqual([]);
  });

  it('tells a value set to null from a value that is absent', () => {
    expect(diffSnapshots({ branchId: 3 }, { branchId: null })).toEqual([{ field: 'branchId', before: 3, after: null, change: 'changed' }]);
    expect(diffSnapshots({}, { branchId: null })).toEqual([{ field: 'branchId', before: undefined, after: null, change: 'added' }]);
  });

  it('reports a field that turned from an object into a value, and a non-object snapshot', () => {
    expect(changesOf({ owner: { id: 1 } }, { owner: 5 })).toEqual({ 'owner.id': 'removed', owner: 'added' });
    expect(changesOf({ meta: {} }, { meta: { a: 1 } })).toEqual({ meta: 'removed', 'meta.a': 'added' });
    expect(diffSnapshots('old', 'new')).toEqual([{ field: '', before: 'old', after: 'new', change: 'changed' }]);
  });
});
