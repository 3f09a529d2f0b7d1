import { describe, expect, it } from 'vitest';
import { inspectionQueryString, parseInspectionFilters } from './filters';

describe('inspection filters', () => {
  it('default to the current year and ignore what cannot be read', () => {
    expect(parseInspectionFilters({}, '2026-12-02')).toEqual({ node: undefined, unit: undefined, from: '2026-01-01', to: '2026-12-31', measure: undefined });
    expect(parseInspectionFilters({ from: '2026-02-30', node: 'x', measure: 'nonsense' }, '2026-12-02')).toMatchObject({ from: '2026-01-01', node: undefined, measure: undefined });
  });

  it('swap a reversed period and keep a unit and a measure', () => {
    const f = parseInspectionFilters(new URLSearchParams('from=2026-06-30&to=2026-04-01&unit=市财政局&measure=overdue&node=12'), '2026-12-02');
    expect(f).toEqual({ node: 12, unit: '市财政局', from: '2026-04-01', to: '2026-06-30', measure: 'overdue' });
    expect(inspectionQueryString(f, { measure: 'closed' })).toBe(`?node=12&unit=${encodeURIComponent('市财政局')}&from=2026-04-01&to=2026-06-30&measure=closed`);
  });
});
