import { lastDayOfMonth } from '@/lib/calendar/days';
import type { PeriodUnit } from '@/lib/rules/schemas';

// Calendar periods of a year (months, quarters, the year) on ISO dates (YYYY-MM-DD, days in
// Beijing); the day arithmetic itself is lib/calendar/days. Pure.

export type Period = {
  unit: PeriodUnit;
  /** 1–12 for months, 1–4 for quarters, 1 for the year. */
  index: number;
  year: number;
  from: string;
  /** Inclusive. */
  to: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

export function monthPeriod(year: number, month: number): Period {
  return { unit: 'month', index: month, year, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const last = quarter * 3;
  return { unit: 'quarter', index: quarter, year, from: `${year}-${pad(last - 2)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}

export const yearPeriod = (year: number): Period => ({ unit: 'year', index: 1, year, from: `${year}-01-01`, to: `${year}-12-31` });

/** The periods of `unit` in `year`, in order. */
export function periodsOf(year: number, unit: PeriodUnit): Period[] {
  if (unit === 'month') return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
  if (unit === 'quarter') return Array.from({ length: 4 }, (_, i) => quarterPeriod(year, i + 1));
  return [yearPeriod(year)];
}

/** The period of `unit` that contains `date`. */
export function periodContaining(date: string, unit: PeriodUnit): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (unit === 'month') return monthPeriod(year, month);
  if (unit === 'quarter') return quarterPeriod(year, Math.ceil(month / 3));
  return yearPeriod(year);
}

/** The months (1–12) a period spans. */
export function monthsOf(period: Period): number[] {
  if (period.unit === 'month') return [period.index];
  if (period.unit === 'quarter') return [period.index * 3 - 2, period.index * 3 - 1, period.index * 3];
  return Array.from({ length: 12 }, (_, i) => i + 1);
}

export function periodLabel(period: Period): string {
  if (period.unit === 'month') return `${period.index}月`;
  if (period.unit === 'quarter') return `第${'一二三四'[period.index - 1]}季度`;
  return `${period.year}年`;
}
