import { z } from 'zod';
import { rowRef } from '@/lib/ids';
import { isRecordDay } from '@/lib/records/dates';
import { todayInBeijing } from '@/lib/calendar/days';
import { findingCategories } from './types';

// The review forms. Each message is shown beside its field; rules that need the database (the
// record's state and revision, the finding's state, the branch scope) are the commands'.

export const COMMENT_MAX = 1000;

const id = (what: string) => rowRef(`缺少${what}，请刷新页面后重试。`);
const version = rowRef('缺少版本号，请刷新页面后重试。');

const text = (label: string, { required }: { required: boolean }) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(
      z
        .string()
        .max(COMMENT_MAX, `${label}不能超过 ${COMMENT_MAX} 字。`)
        .refine((v) => !required || v.length > 0, `请填写${label}。`),
    );

/** A due day: a real date, today or later (Beijing). Today counts: it is not overdue until tomorrow. */
const dueDay = (optional: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .superRefine((v, ctx) => {
      if (v === '') {
        if (!optional) ctx.addIssue({ code: 'custom', message: '请填写整改期限。' });
        return;
      }
      if (!isRecordDay(v)) ctx.addIssue({ code: 'custom', message: '整改期限不是有效日期，请按 年-月-日 填写。' });
      else if (v < todayInBeijing()) ctx.addIssue({ code: 'custom', message: '整改期限不能早于今天。' });
    })
    .transform((v) => (v === '' ? null : v));

/** The revision the auditor looked at: a correction in between must be seen before judging. */
const seenRevision = z.coerce.number({ error: '缺少记录版本，请刷新页面后重试。' }).int().positive('缺少记录版本，请刷新页面后重试。');

/** Shared with the inspection forms (lib/inspections/schemas.ts). */
export { text as boundedText, dueDay };

export const markReviewedSchema = z.object({ recordId: id('记录编号'), revision: seenRevision });

export const raiseFindingSchema = z.object({
  recordId: id('记录编号'),
  revision: seenRevision,
  category: z.enum(findingCategories, { error: '请选择问题类别。' }),
  comment: text('问题说明', { required: true }),
  dueOn: dueDay(false).pipe(z.string()),
});

export const answerFindingSchema = z.object({
  findingId: id('问题编号'),
  version,
  note: text('整改说明', { required: true }),
  // The corrected record's revision, when the answer comes with a correction.
  correctedRevision: z
    .string()
    .optional()
    .transform((v) => (v && /^[1-9]\d{0,5}$/.test(v.trim()) ? Number(v.trim()) : null)),
});

export const reopenFindingSchema = z.object({
  findingId: id('问题编号'),
  version,
  comment: text('退回意见', { required: true }),
  dueOn: dueDay(true),
});

export const closeFindingSchema = z.object({
  findingId: id('问题编号'),
  version,
  note: text('复查意见', { required: false }),
});

export type RaiseFindingInput = z.infer<typeof raiseFindingSchema>;
export type AnswerFindingInput = z.infer<typeof answerFindingSchema>;
export type ReopenFindingInput = z.infer<typeof reopenFindingSchema>;
export type CloseFindingInput = z.infer<typeof closeFindingSchema>;
