import { z } from 'zod';
import { isCalendarDay } from '@/lib/calendar/days';
import { rowRef } from '@/lib/ids';
import { year } from '@/lib/lectures/schemas';
import { parseAttendanceGrid } from '@/lib/records/attendance';
import type { AttendanceEntry } from '@/lib/records/types';

// The forms of 四季送课: seasons and their offers (admins), and the booking loop (a branch books,
// an admin schedules or declines, the branch cancels, confirms delivery and rates).

export const SEASON_NAME_MAX = 40;
export const PLACE_MAX = 100;
export const REASON_MAX = 300;
export const SUMMARY_MAX = 2000;
export const MAX_PREFERRED_DATES = 3;

const id = rowRef('缺少编号，请刷新页面后重试。');
const version = rowRef('缺少版本号，请刷新页面后重试。');
const day = (message: string) => z.string({ error: message }).trim().min(1, message).refine(isCalendarDay, '请填写有效的日期，例如 2026-12-18。');
const reason = (label: string) => z.string({ error: `请填写${label}。` }).trim().min(2, `请填写${label}（至少 2 个字）。`).max(REASON_MAX, `${label}不能超过 ${REASON_MAX} 个字符。`);
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const clock = (message: string) => z.string({ error: message }).trim().regex(TIME, message);

const seasonFields = z
  .object({
    name: z.string({ error: '请填写季度名称。' }).trim().min(2, '请填写季度名称，例如 2027年春季送课。').max(SEASON_NAME_MAX, `名称不能超过 ${SEASON_NAME_MAX} 个字符。`),
    year,
    bookingOpensOn: day('请填写预约开始日期。'),
    bookingClosesOn: day('请填写预约截止日期。'),
  })
  .refine((s) => s.bookingClosesOn >= s.bookingOpensOn, { path: ['bookingClosesOn'], message: '预约截止日期不能早于开始日期。' });

export const createSeasonSchema = seasonFields;
export const updateSeasonSchema = z.intersection(seasonFields, z.object({ id, version }));

export const setSeasonOfferSchema = z.object({
  seasonId: id,
  lectureId: rowRef('请选择党课。'),
  offered: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const requestBookingSchema = z.object({
  seasonId: rowRef('请选择送课季度。'),
  lectureId: rowRef('请选择党课。'),
  branchId: rowRef('请选择预约的党组织。'),
  // Up to three preferred days, separated by 、，, or spaces; each a real day.
  preferredDates: z
    .string({ error: '请填写希望的授课日期。' })
    .transform((v) => [...new Set(v.split(/[、，,;；\s]+/).map((d) => d.trim()).filter(Boolean))].sort())
    .pipe(
      z
        .array(z.string().refine(isCalendarDay, '请按“年-月-日”填写日期，例如 2026-12-18。'))
        .min(1, '请至少填写一个希望的授课日期。')
        .max(MAX_PREFERRED_DATES, `最多填写 ${MAX_PREFERRED_DATES} 个希望日期。`),
    ),
  place: z.string({ error: '请填写授课地点。' }).trim().min(2, '请填写授课地点。').max(PLACE_MAX, `地点不能超过 ${PLACE_MAX} 个字符。`),
  expectedAudience: z.coerce
    .number({ error: '请填写预计听课人数。' })
    .int('预计人数应为整数。')
    .min(1, '预计听课人数至少为 1 人。')
    .max(2000, '预计听课人数不能超过 2000 人。'),
});

export const scheduleBookingSchema = z
  .object({
    id,
    version,
    date: day('请填写授课日期。'),
    startTime: clock('请填写开始时间，例如 14:30。'),
    endTime: clock('请填写结束时间，例如 16:00。'),
    lecturerId: rowRef('请选择授课讲师。'),
  })
  .refine((s) => s.endTime > s.startTime, { path: ['endTime'], message: '结束时间须晚于开始时间。' });

export const declineBookingSchema = z.object({ id, version, reason: reason('不能安排的原因') });
export const cancelBookingSchema = z.object({ id, version, reason: reason('取消原因') });

const personRef = (message: string) => rowRef(message);

/** Delivery: the 党课 record's host, recorder, attendance grid and a short account of the lecture. */
export const confirmDeliverySchema = z.looseObject({}).transform((values, ctx) => {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string).trim() : '');
  const parsed = z
    .object({
      id,
      version,
      hostPersonId: personRef('请选择主持人。'),
      recorderPersonId: personRef('请选择记录人。'),
      summary: z.string().trim().min(5, '请简要记录授课情况（至少 5 个字），它将作为党课记录的内容。').max(SUMMARY_MAX, `授课情况不能超过 ${SUMMARY_MAX} 个字符。`),
    })
    .safeParse({ id: str('id'), version: str('version'), hostPersonId: str('hostPersonId'), recorderPersonId: str('recorderPersonId'), summary: str('summary') });
  let failed = false;
  const issue = (path: string, message: string) => {
    failed = true;
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (!parsed.success) for (const i of parsed.error.issues) issue(String(i.path[0] ?? 'form'), i.message);
  const grid = parseAttendanceGrid(values);
  for (const [field, message] of Object.entries(grid.errors)) issue(field, message);
  if (!grid.entries.some((e) => e.attendance === 'present')) issue('attendance', '请登记出勤情况：至少一人出席。');
  if (!parsed.success || failed) return z.NEVER;
  return { ...parsed.data, attendees: grid.entries as AttendanceEntry[] };
});

export const rateBookingSchema = z.object({
  id,
  rating: z.coerce.number({ error: '请选择评分。' }).int('请选择 1 至 5 分。').min(1, '请选择 1 至 5 分。').max(5, '请选择 1 至 5 分。'),
  comment: z
    .string()
    .trim()
    .max(REASON_MAX, `评价意见不能超过 ${REASON_MAX} 个字符。`)
    .optional()
    .transform((v) => v || null),
});
