import { z } from 'zod';
import { rowRef } from '@/lib/ids';
import { isCalendarDay, todayInBeijing } from '@/lib/calendar/days';
import { boundedText, dueDay } from '@/lib/reviews/schemas';
import { findingCategories } from '@/lib/reviews/types';
import { inspectionMethods } from './types';

// The inspection forms; each message is shown beside its field. Rules that need the database
// (the node exists, the inspection's state) are the commands'.

const id = (what: string) => rowRef(`缺少${what}，请刷新页面后重试。`);

/** The day of the inspection: a real date, not after today (Beijing). */
const inspectedOn = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim())
  .superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: '请填写督查日期。' });
    else if (!isCalendarDay(v)) ctx.addIssue({ code: 'custom', message: '督查日期不是有效日期，请按 年-月-日 填写。' });
    else if (v > todayInBeijing()) ctx.addIssue({ code: 'custom', message: '督查日期不能晚于今天。' });
  });

export const createInspectionSchema = z.object({
  branchId: rowRef('请选择被督查的单位或组织。'),
  inspectedOn,
  method: z.enum(inspectionMethods, { error: '请选择督查方式。' }),
  scope: boundedText('督查内容', { required: true }),
});

export const addInspectionFindingSchema = z.object({
  inspectionId: id('督查编号'),
  category: z.enum(findingCategories, { error: '请选择问题类别。' }),
  comment: boundedText('问题说明', { required: true }),
  dueOn: dueDay(false).pipe(z.string()),
});

export const releaseInspectionSchema = z.object({
  inspectionId: id('督查编号'),
  version: rowRef('缺少版本号，请刷新页面后重试。'),
});

export const draftInspectionNoticeSchema = z.object({ inspectionId: id('督查编号') });

export type CreateInspectionInput = z.infer<typeof createInspectionSchema>;
export type AddInspectionFindingInput = z.infer<typeof addInspectionFindingSchema>;
export type ReleaseInspectionInput = z.infer<typeof releaseInspectionSchema>;
