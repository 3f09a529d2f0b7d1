import { describe, expect, it } from 'vitest';
import { isRecordDay, periodRange } from './dates';
import { lateDays, lateEntryDaysOf, lateEntryDaysOn, lateEntryIntervals } from './late-entry';

describe('late entry by the rule set in force on held_on', () => {
  const intervals = lateEntryIntervals([
    { effectiveFrom: '2026-07-01', lateEntryDays: 15 },
    { effectiveFrom: '2018-10-28', lateEntryDays: 30 },
  ]);

  it('orders the rule sets into spans of held_on days', () => {
    expect(intervals).toEqual([
      { from: '2018-10-28', until: '2026-07-01', days: 30 },
      { from: '2026-07-01', until: null, days: 15 },
    ]);
  });

  it('takes the threshold of the day the meeting was held, not of the day it was entered', () => {
    expect(lateEntryDaysOn(intervals, '2026-06-30')).toBe(30);
    expect(lateEntryDaysOn(intervals, '2026-07-01')).toBe(15);
    expect(lateEntryDaysOn(intervals, '2018-01-01')).toBeNull();
  });

  it('is late only beyond the threshold', () => {
    expect(lateDays('2026-03-23', '2026-04-22', 30)).toBeNull();
    expect(lateDays('2026-03-23', '2026-04-28', 30)).toBe(36);
    expect(lateDays('2026-03-23', null, 30)).toBeNull();
    expect(lateDays('2026-03-23', '2026-04-28', null)).toBeNull();
  });

  it('reads the threshold out of rule JSON, ignoring what is not a count of days', () => {
    expect(lateEntryDaysOf({ lateEntryDays: 30 })).toBe(30);
    expect(lateEntryDaysOf({ lateEntryDays: '30' })).toBeNull();
    expect(lateEntryDaysOf({ lateEntryDays: -1 })).toBeNull();
    expect(lateEntryDaysOf(null)).toBeNull();
  });
});

describe('record days and periods', () => {
  it('knows real days within the years a record can carry', () => {
    expect(isRecordDay('2026-02-28')).toBe(true);
    expect(isRecordDay('2026-02-29')).toBe(false);
    expect(isRecordDay('2026-2-1')).toBe(false);
    expect(isRecordDay('1900-01-01')).toBe(false);
  });


  it('spans a year, a quarter or a month', () => {
    expect(periodRange(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange(2026, { quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange(2024, { month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange(2026, { quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
});
