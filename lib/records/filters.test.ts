import { describe, expect, it } from 'vitest';
import { heldOnRange, parseRecordFilters, recordQueryString } from './filters';

describe('record filters from the query string', () => {
  it('keeps what parses and drops the rest', () => {
    const filters = parseRecordFilters({ branch: '12', kind: 'committee_meeting', status: 'nope', from: '2026-02-30', to: '2026-03-31', late: '1', cursor: 'x' });
    expect(filters).toEqual({ node: 12, kind: 'committee_meeting', to: '2026-03-31', late: true });
  });

  it('reads a quarter or a month only with a year, the month winning', () => {
    expect(parseRecordFilters({ quarter: '2' })).toEqual({});
    expect(parseRecordFilters({ year: '2026', quarter: '2', month: '5' })).toEqual({ year: 2026, month: 5 });
    expect(parseRecordFilters(new URLSearchParams('year=2025&quarter=4'))).toEqual({ year: 2025, quarter: 4 });
  });

  it('narrows from/to by the period', () => {
    expect(heldOnRange({ year: 2026, quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(heldOnRange({ year: 2026, quarter: 1, from: '2026-02-10', to: '2026-06-01' })).toEqual({ from: '2026-02-10', to: '2026-03-31' });
    expect(heldOnRange({})).toEqual({ from: null, to: null });
  });

  it('writes them back in one order, with the cursor last', () => {
    expect(recordQueryString({ late: true, kind: 'party_lecture', node: 3 }, 'abc')).toBe('?branch=3&kind=party_lecture&late=1&cursor=abc');
    expect(recordQueryString({})).toBe('');
  });
});
