// Calendar days as the record book uses them: `YYYY-MM-DD` strings in Asia/Shanghai, compared
// as text (the format sorts by date) and subtracted as UTC days (no daylight saving in China).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar day between 1949 and 2100. */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1949 && year <= 2100 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Today in Beijing, as `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `later − earlier` in whole days. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / MS_PER_DAY);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
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
  const next = new Date(Date.UTC(year, firstMonth - 1 + months, 1));
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}
