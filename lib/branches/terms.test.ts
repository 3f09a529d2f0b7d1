import { describe, expect, it } from 'vitest';
import { termEnd } from './dates';
import { isCurrent, type Term, termWarnings } from './terms';

const term = (id: number, position: Term['position'], startsOn: string, endsOn: string, endedOn: string | null = null): Term => ({ id, position, startsOn, endsOn, endedOn });
const TODAY = '2026-12-01';

describe('terms', () => {
  it('ends a term the day before its anniversary, leap days included', () => {
    expect(termEnd('2024-04-10', 3)).toBe('2027-04-09');
    expect(termEnd('2024-01-01', 5)).toBe('2028-12-31');
    expect(termEnd('2024-02-29', 1)).toBe('2025-02-28');
  });

});

describe('termWarnings', () => {
  it('warns of a term ending within the threshold, not of one ending later', () => {
    const terms = [term(1, 'secretary', '2024-01-20', '2027-01-19'), term(2, 'deputy_secretary', '2024-04-10', '2027-04-09')];
    expect(termWarnings(terms, TODAY, 90)).toEqual([{ kind: 'ending', termId: 1, position: 'secretary', endsOn: '2027-01-19', daysLeft: 49 }]);
    expect(termWarnings(terms, TODAY, 30)).toEqual([]);
  });

  it('warns of a position left vacant after its term ended, unless a successor holds or is appointed to it', () => {
    const ended = term(1, 'secretary', '2023-09-30', '2026-09-29');
    expect(termWarnings([ended], TODAY, 90)).toEqual([{ kind: 'vacant', termId: 1, position: 'secretary', endedOn: '2026-09-29' }]);
    expect(termWarnings([ended, term(2, 'secretary', '2026-10-01', '2029-09-30')], TODAY, 90)).toEqual([]);
    expect(termWarnings([ended, term(3, 'secretary', '2027-01-05', '2030-01-04')], TODAY, 90)).toEqual([]);
  });

  it('treats a term ended early as over on that day', () => {
    const early = term(1, 'organization_member', '2024-04-10', '2027-04-09', '2026-06-30');
    expect(isCurrent(early, TODAY)).toBe(false);
    expect(termWarnings([early], TODAY, 90)).toEqual([{ kind: 'vacant', termId: 1, position: 'organization_member', endedOn: '2026-06-30' }]);
  });

  it('does not warn of an ending term whose successor is already appointed', () => {
    const terms = [term(1, 'secretary', '2024-01-20', '2027-01-19'), term(2, 'secretary', '2027-01-20', '2030-01-19')];
    expect(termWarnings(terms, TODAY, 90)).toEqual([]);
  });
});
