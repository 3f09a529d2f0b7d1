import { roleLabels, roles } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import type { ChainReport } from './verify';

// How the audit trail's values read in the Chinese UI and the CSV export.

/** The Chinese label of a portal role; other actors (`system`) as stored. */
export function actorRoleLabel(role: string | null | undefined): string {
  if (!role) return '';
  return (roles as readonly string[]).includes(role) ? roleLabels[role as keyof typeof roleLabels] : role;
}

export const chainBreakReasons: Record<Extract<ChainReport, { ok: false }>['reason'], string> = {
  'hash-mismatch': '记录内容被改动',
  'link-mismatch': '前序记录被删除或顺序被调换',
};

/** 2025-03-14 09:30:05 in Beijing time: the trail needs the seconds. */
export const formatAuditTime = (value: Date | string) => formatDateTime(value, { seconds: true });

/** A snapshot value as one line of text: strings as they are, anything else as JSON. */
export function displayValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
