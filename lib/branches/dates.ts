import { addDays } from '@/lib/calendar/days';

// Terms of committee positions, on calendar days (lib/calendar/days).

/** The last day of a term of `years` starting on `startsOn` (2024-04-10 + 3 → 2027-04-09). */
export function termEnd(startsOn: string, years: number): string {
  const d = new Date(`${startsOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return addDays(d.toISOString().slice(0, 10), -1);
}
