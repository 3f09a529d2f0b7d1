import { describe, expect, it } from 'vitest';
import { pickRuleSet, ruleSetsOverlapping } from './pick';

const sets = [
  { id: 2, name: 'B', effectiveFrom: '2026-07-01', rules: 'b' },
  { id: 1, name: 'A', effectiveFrom: '2018-10-28', rules: 'a' },
  { id: 3, name: 'C', effectiveFrom: '2027-01-01', rules: 'c' },
];

describe('pickRuleSet', () => {
  it('picks the set in force on the day, switching on the effective date itself', () => {
    expect(pickRuleSet(sets, '2018-10-27')).toBeNull();
    expect(pickRuleSet(sets, '2018-10-28')?.id).toBe(1);
    expect(pickRuleSet(sets, '2026-06-30')?.id).toBe(1);
    expect(pickRuleSet(sets, '2026-07-01')?.id).toBe(2);
    expect(pickRuleSet(sets, '2026-12-31')?.id).toBe(2);
    expect(pickRuleSet(sets, '2030-01-01')?.id).toBe(3);
  });

  it('does not depend on the order of the list', () => {
    expect(pickRuleSet([...sets].reverse(), '2026-08-01')?.id).toBe(2);
  });
});

describe('ruleSetsOverlapping', () => {
  it('lists the set in force at the start and every set starting within the range', () => {
    expect(ruleSetsOverlapping(sets, '2026-01-01', '2026-12-31').map((s) => s.id)).toEqual([1, 2]);
    expect(ruleSetsOverlapping(sets, '2025-01-01', '2025-12-31').map((s) => s.id)).toEqual([1]);
    expect(ruleSetsOverlapping(sets, '2010-01-01', '2010-12-31')).toEqual([]);
  });
});
