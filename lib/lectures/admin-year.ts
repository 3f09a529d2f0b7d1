import { todayInBeijing } from '@/lib/calendar/days';

/** The year whose list an admin page edits: `?year=` when sensible, else this year in Beijing. */
export function adminListYear(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value && /^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100) return Number(value);
  return Number(todayInBeijing().slice(0, 4));
}
