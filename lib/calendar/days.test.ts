import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDay, lastDayOfMonth, subtractMonths, todayInBeijing } from './days';

describe('calendar days', () => {
  it('knows real calendar days only', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-1-1')).toBe(false);
    expect(isCalendarDay('2026-04-31')).toBe(false);
  });

  it('counts and adds days across month and year ends', () => {
    expect(daysBetween('2026-03-23', '2026-04-28')).toBe(36);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2027-01-19', '2026-12-01')).toBe(-49);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2025, 2)).toBe(28);
  });

  it('goes back whole months, clamped to the end of a shorter month', () => {
    expect(subtractMonths('2026-08-31', 6)).toBe('2026-02-28');
    expect(subtractMonths('2026-03-15', 6)).toBe('2025-09-15');
    expect(subtractMonths('2026-12-01', 12)).toBe('2025-12-01');
  });

  it('gives the Beijing day: 16:00 UTC is already tomorrow in Beijing', () => {
    expect(todayInBeijing(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(todayInBeijing(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
    expect(todayInBeijing(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });
});
