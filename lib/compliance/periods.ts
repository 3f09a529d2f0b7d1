import { formatDate } from '@/lib/format';
import type { PeriodUnit } from '@/lib/rules/schemas';

// Calendar periods of a year and the day arithmetic compliance needs, on ISO dates (YYYY-MM-DD,
// days in Beijing). Pure.

export type Period = {
  unit: PeriodUnit;
  /** 1–12 for months, 1–4 for quarters, 1 for the year. */
  index: number;
  year: number;
  from: string;
  /** Inclusive. */
  to: string;
};

/** Today in Beijing, as YYYY-MM-DD. */
export const beijingToday = (now = new Date()) => formatDate(now);

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

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

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` months earlier (clamped to the month's end). */
export function subtractMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - months;
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), lastDayOfMonth(y, m));
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A late entry: submitted more than `lateEntryDays` days after the meeting was held. */
export function isLateEntry(heldOn: string, submittedOn: string | null, lateEntryDays: number): boolean {
  return submittedOn !== null && daysBetween(heldOn, submittedOn) > lateEntryDays;
}
