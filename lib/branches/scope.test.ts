import { describe, expect, it } from 'vitest';
import { inBranchScope } from './scope';

describe('inBranchScope', () => {
  it('holds for the branches of the scope only', () => {
    expect(inBranchScope([10, 11, 12], 10)).toBe(true);
    expect(inBranchScope([10, 11, 12], 12)).toBe(true);
    expect(inBranchScope([10, 11, 12], 20)).toBe(false);
  });

  it('never holds for a record without a branch, or an actor without a scope', () => {
    expect(inBranchScope([10], null)).toBe(false);
    expect(inBranchScope([10], undefined)).toBe(false);
    expect(inBranchScope(null, 10)).toBe(false);
    expect(inBranchScope([], 10)).toBe(false);
  });
});
