import { describe, expect, it } from 'vitest';
import { inspectionStats, median, type StatFinding } from './stats';

const f = (unitName: string, state: StatFinding['state'], raisedOn: string, dueOn: string, closedOn: string | null = null): StatFinding => ({ unitName, state, raisedOn, dueOn, closedOn });

describe('inspection figures', () => {
  it('take the median of an odd and an even count', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 4, 10, 3])).toBe(3.5);
  });

  it('count raised, closed, overdue at the due-day boundary, the rate and the median days to close', () => {
    const today = '2026-12-02';
    const stats = inspectionStats(
      [
        f('市财政局', 'closed', '2026-10-01', '2026-10-31', '2026-10-11'),
        f('市财政局', 'open', '2026-11-01', '2026-12-01'), // due yesterday: overdue
        f('市财政局', 'answered', '2026-11-02', '2026-12-02'), // due today: not yet overdue
        f('市教育局', 'closed', '2026-09-01', '2026-09-30', '2026-09-04'),
      ],
      today,
    );
    // Units in pinyin order: 财 (cai) before 教 (jiao).
    expect(stats.units).toEqual([
      { unitName: '市财政局', raised: 3, closed: 1, overdue: 1, rate: 33.3, medianDaysToClose: 10 },
      { unitName: '市教育局', raised: 1, closed: 1, overdue: 0, rate: 100, medianDaysToClose: 3 },
    ]);
    expect(stats.total).toEqual({ unitName: '全部单位', raised: 4, closed: 2, overdue: 1, rate: 50, medianDaysToClose: 6.5 });
  });

  it('report no rate and no median when nothing was raised or closed', () => {
    expect(inspectionStats([], '2026-12-02').total).toEqual({ unitName: '全部单位', raised: 0, closed: 0, overdue: 0, rate: null, medianDaysToClose: null });
  });
});
