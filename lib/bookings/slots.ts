import { todayInBeijing } from '@/lib/calendar/days';

// A scheduled lecture's slot: a day and two clock times on the Beijing calendar (China keeps no
// daylight saving), stored as timestamptz. Pure, shared by the commands and the pages.

const BEIJING = '+08:00';

export function slotOf(day: string, start: string, end: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: new Date(`${day}T${start}:00${BEIJING}`), endsAt: new Date(`${day}T${end}:00${BEIJING}`) };
}

/** The Beijing calendar day of an instant. */
export const beijingDay = (at: Date) => todayInBeijing(at);

/** HH:MM in Beijing. */
export const beijingTime = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

/** "2026-12-10 14:30–16:00". */
export const slotLabel = (startsAt: Date, endsAt: Date) => `${beijingDay(startsAt)} ${beijingTime(startsAt)}–${beijingTime(endsAt)}`;
