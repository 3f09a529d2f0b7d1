import { isCalendarDay, lastDayOfMonth } from '@/lib/calendar/days';

// The record book's days: a meeting's day must be a real calendar day within the years a record
// can carry; the periods the filters offer. Day arithmetic is lib/calendar/days.

/** A real calendar day between 1949 and 2100 (a typo such as 0202 or 20260 is refused). */
export function isRecordDay(value: string): boolean {
  if (!isCalendarDay(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1949 && year <= 2100;
}

/** The first and last day of a year, a quarter of it, or a month of it. */
export function periodRange(year: number, part?: { quarter?: number; month?: number }): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  let firstMonth = 1;
  let months = 12;
  if (part?.month) {
    firstMonth = part.month;
    months = 1;
  } else if (part?.quarter) {
    firstMonth = (part.quarter - 1) * 3 + 1;
    months = 3;
  }
  const from = `${year}-${pad(firstMonth)}-01`;
  const lastMonth = firstMonth + months - 1;
  return { from, to: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}` };
}
