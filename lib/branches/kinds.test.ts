import { describe, expect, it } from 'vitest';
import { branchKinds } from '@/db/schema/branches';
import { mayHoldChild, parentKindsOf } from './kinds';

describe('the kinds a node may hold', () => {
  it('follows work committee → unit → general branch (optional) → branch → party group', () => {
    expect(mayHoldChild('work_committee', 'unit_organization')).toBe(true);
    expect(mayHoldChild('unit_organization', 'general_branch')).toBe(true);
    expect(mayHoldChild('unit_organization', 'branch')).toBe(true);
    expect(mayHoldChild('general_branch', 'branch')).toBe(true);
    expect(mayHoldChild('branch', 'party_group')).toBe(true);
  });

  it('refuses skipped and upside-down levels, and anything under a party group', () => {
    expect(mayHoldChild('work_committee', 'branch')).toBe(false);
    expect(mayHoldChild('general_branch', 'general_branch')).toBe(false);
    expect(mayHoldChild('branch', 'branch')).toBe(false);
    expect(mayHoldChild('party_group', 'party_group')).toBe(false);
    for (const kind of branchKinds) expect(mayHoldChild(kind, 'work_committee')).toBe(false);
  });

  it('names the parents a kind may move under', () => {
    expect(parentKindsOf('branch')).toEqual(['unit_organization', 'general_branch']);
    expect(parentKindsOf('party_group')).toEqual(['branch']);
    expect(parentKindsOf('work_committee')).toEqual([]);
  });
});
