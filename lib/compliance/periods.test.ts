import { describe, expect, it } from 'vitest';
import { monthsOf, periodContaining, periodLabel, periodsOf } from './periods';

describe('periods of a year', () => {
  it('has 12 months, 4 quarters and one year, with inclusive ends and leap days', () => {
    const months = periodsOf(2024, 'month');
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodsOf(2025, 'month')[1]!.to).toBe('2025-02-28');
    expect(periodsOf(2025, 'quarter').map((q) => [q.from, q.to])).toEqual([
      ['2025-01-01', '2025-03-31'],
      ['2025-04-01', '2025-06-30'],
      ['2025-07-01', '2025-09-30'],
      ['2025-10-01', '2025-12-31'],
    ]);
    expect(periodsOf(2025, 'year')).toEqual([{ unit: 'year', index: 1, year: 2025, from: '2025-01-01', to: '2025-12-31' }]);
  });

  it('finds the period of a day and the months a period spans', () => {
    expect(periodContaining('2025-03-31', 'quarter').index).toBe(1);
    expect(periodContaining('2025-04-01', 'quarter').index).toBe(2);
    expect(periodContaining('2025-12-31', 'month').index).toBe(12);
    expect(monthsOf(periodContaining('2025-08-15', 'quarter'))).toEqual([7, 8, 9]);
    expect(monthsOf(periodContaining('2025-08-15', 'year'))).toHaveLength(12);
  });

  it('labels periods in Chinese', () => {
    expect(periodLabel(periodContaining('2025-05-02', 'month'))).toBe('5月');
    expect(periodLabel(periodContaining('2025-05-02', 'quarter'))).toBe('第二季度');
    expect(periodLabel(periodContaining('2025-05-02', 'year'))).toBe('2025年');
  });
});
