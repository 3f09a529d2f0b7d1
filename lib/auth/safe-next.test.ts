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
  ])('%s → %s', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });
});
