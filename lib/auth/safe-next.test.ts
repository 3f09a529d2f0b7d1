import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each([
    ['/admin/users?page=2', '/admin/users?page=2'],
    ['/admin', '/admin'],
    ['https://evil.example/', '/admin'],
    ['//evil.example/x', '/admin'],
    ['/\\evil.example', '/admin'],
    ['javascript:alert(1)', '/admin'],
    ['/admin\n/x', '/admin'],
    [undefined, '/admin'],
    // Paths that normalize to a protocol-relative address (the value returned is checked too).
    ['/.//evil.com', '/admin'],
    ['/..//evil.com', '/admin'],
    ['/%2e//evil.com', '/admin'],
    ['/a/..//evil.com', '/admin'],
    ['/./\\evil.com', '/admin'],
    ['/admin/./users', '/admin/users'],
    ['/admin/x/../users?q=1', '/admin/users?q=1'],
  ])('%s → %s', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });
});
