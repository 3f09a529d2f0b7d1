// Times are stored as timestamptz and always shown in the portal's own time zone.
export const TIME_ZONE = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 2025-03-14 in Beijing time. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  const parts = Object.fromEntries(dateFormat.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2025-03-14 09:30 in Beijing time; with `seconds`, 2025-03-14 09:30:05 (the audit trail). */
export function formatDateTime(value: Date | string | null | undefined, { seconds = false } = {}): string {
  if (!value) return '';
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}${seconds ? `:${parts.second}` : ''}`;
}
