import { describe, expect, it } from 'vitest';
import { coverageHref, parseCoverageParams } from './coverage-params';

const TODAY = '2026-12-02';

describe('parseCoverageParams', () => {
  it('reads the year, unit, figure and both pages', () => {
    expect(parseCoverageParams({ year: '2025', unit: '12', show: 'untrained', role: 'secretary', page: '3', upage: '2' }, TODAY)).toEqual({
      year: 2025,
      unitId: 12,
      show: 'untrained',
      secretaries: true,
      page: 3,
      unitPage: 2,
    });
  });

  it('falls back to this year, the whole tree and first pages on malformed input', () => {
    expect(parseCoverageParams({ year: '3000', unit: '-1', show: 'everyone', page: 'x', upage: '0.5' }, TODAY)).toEqual({
      year: 2026,
      unitId: null,
      show: null,
      secretaries: false,
      page: 1,
      unitPage: 1,
    });
  });
});

describe('coverageHref', () => {
  it('keeps the unit table page and lands on the table', () => {
    expect(coverageHref({ year: 2025, unitId: null }, { unitPage: 4 })).toBe('/admin/training/coverage?year=2025&upage=4#units');
  });

  it('opens the people behind a figure on their list', () => {
    expect(coverageHref({ year: 2025, unitId: 7 }, { show: 'below', page: 2 })).toBe('/admin/training/coverage?year=2025&unit=7&show=below&page=2#people');
  });
});
