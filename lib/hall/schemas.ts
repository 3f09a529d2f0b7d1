import { z } from 'zod';
import { hallSeries } from '@/db/schema/lectures';
import { isCalendarDay } from '@/lib/calendar/days';
import { rowRef } from '@/lib/ids';

// The 大讲堂 forms: a session (admin), a unit's registrations, the attendance confirmed after it.

export const THEME_MAX = 80;
export const SPEAKER_MAX = 40;
export const PLACE_MAX = 80;
export const CAPACITY_MAX = 5000;
/** More registrations than this are not listed on one page (a hall seats a few hundred), nor confirmed in one form. */
export const REGISTRATION_LIST_CAP = 1000;

const id = rowRef('缺少编号，请刷新页面后重试。');
const version = rowRef('缺少版本号，请刷新页面后重试。');

/** Form field of a person's registration checkbox, and of a registration's attendance checkbox. */
export const personField = (personId: number) => `person_${personId}`;
export const attendedField = (registrationId: number) => `attended_${registrationId}`;

/** Ids of the checked boxes named `<prefix><id>`. */
function checkedIds(values: Record<string, unknown>, prefix: string): number[] {
  const ids: number[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith(prefix) || value !== 'on') continue;
    const n = Number(key.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647) ids.push(n);
  }
  return ids;
}

/** Beijing wall-clock date and time of the form, as an instant. */
export function beijingInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/** Empty text of an optional field reads as null before the value's own check. */
const blankAsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '') || v === undefined ? null : v;

const optionalCount = (max: number, label: string) =>
  z.preprocess(blankAsNull, z.coerce.number({ error: `${label}应为整数。` }).int(`${label}应为整数。`).min(1, `${label}至少为 1。`).max(max, `${label}不能超过 ${max}。`).nullable());

const sessionFields = z
  .object({
    series: z.enum(hallSeries, { error: '请选择系列。' }),
    day: z.string().trim().refine(isCalendarDay, '请填写有效的日期，例如 2026-12-07。'),
    time: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '请填写开始时间，例如 14:30。'),
    theme: z.string().trim().min(1, '请填写主题。').max(THEME_MAX, `主题不能超过 ${THEME_MAX} 个字符。`),
    speaker: z.string().trim().min(1, '请填写主讲人。').max(SPEAKER_MAX, `主讲人不能超过 ${SPEAKER_MAX} 个字符。`),
    place: z.string().trim().min(1, '请填写地点。').max(PLACE_MAX, `地点不能超过 ${PLACE_MAX} 个字符。`),
    capacity: optionalCount(CAPACITY_MAX, '容量'),
    // Half-hour steps: 学时 are counted in halves at most.
    classHours: z.preprocess(
      blankAsNull,
      z.coerce
        .number({ error: '学时应为数字，例如 2 或 1.5。' })
        .positive('学时应大于 0。')
        .max(24, '学时不能超过一天（24 学时）。')
        .refine((n) => Number.isInteger(n * 2), '学时以 0.5 为单位，例如 1.5。')
        .nullable(),
    ),
    articleId: z.preprocess(blankAsNull, rowRef('请填写有效的文章编号（文章管理列表中的编号）。').nullable()),
  })
  .transform(({ day, time, ...rest }) => ({ ...rest, startsAt: beijingInstant(day, time) }));

export const createHallSessionSchema = sessionFields;
export const updateHallSessionSchema = z
  .object({ id, version })
  .and(sessionFields)
  .transform((v) => v);

export const deleteHallSessionSchema = z.object({ id, version });

/** A node's registrations: the members checked stay or become registered, the unchecked ones of that node are removed. */
export const setHallRegistrationsSchema = z.looseObject({ sessionId: id, nodeId: rowRef('请选择组织。') }).transform(({ sessionId, nodeId, ...values }) => ({
  sessionId,
  nodeId,
  personIds: checkedIds(values, 'person_'),
}));

const SHOWN_ERROR = '出席名单无效，请刷新页面后重新确认。';

/**
 * Who of the registered came, among the registrations the form listed (`shown`, their ids
 * comma-separated): the checked are present, the shown but unchecked absent. Registrations the
 * form did not list (beyond REGISTRATION_LIST_CAP) are left as they are.
 */
export const confirmHallAttendanceSchema = z
  .looseObject({ sessionId: id, version, shown: z.string({ error: SHOWN_ERROR }) })
  .transform(({ sessionId, version: v, shown, ...values }, ctx) => {
    const parts = shown
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const shownIds = [...new Set(parts.filter((p) => /^[1-9]\d{0,8}$/.test(p)).map(Number))];
    const attendedIds = checkedIds(values, 'attended_');
    const listed = new Set(shownIds);
    if (shownIds.length === 0 || shownIds.length !== parts.length) ctx.addIssue({ code: 'custom', path: ['shown'], message: SHOWN_ERROR });
    else if (shownIds.length > REGISTRATION_LIST_CAP || attendedIds.length > REGISTRATION_LIST_CAP) ctx.addIssue({ code: 'custom', path: ['shown'], message: `一次最多确认 ${REGISTRATION_LIST_CAP} 人。` });
    else if (attendedIds.some((rid) => !listed.has(rid))) ctx.addIssue({ code: 'custom', path: ['shown'], message: SHOWN_ERROR });
    return { sessionId, version: v, shownIds, attendedIds };
  });

/** The Beijing wall-clock date and time of an instant, as the form shows them. */
export function beijingWallClock(at: Date): { day: string; time: string } {
  const iso = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}
