import { z } from 'zod';
import { branchKinds } from '@/db/schema/branches';
import { committeePositionKinds } from '@/db/schema/people';
import { isCalendarDay } from '@/lib/calendar/days';

// Form schemas of the tree and committee commands: one per form, shared by the form's field
// names and its server action. Dates are YYYY-MM-DD (the native date input's value).

export const formId = (message = '请选择。') =>
  z
    .string({ error: message })
    .trim()
    .regex(/^[1-9]\d{0,8}$/, message)
    .transform(Number);

export const day = (message: string) => z.string({ error: message }).trim().min(1, message).refine(isCalendarDay, '请填写有效的日期（年-月-日）。');

export const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isCalendarDay(v), '请填写有效的日期（年-月-日）。');

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符。`)
    .optional()
    .transform((v) => v || null);

const version = z.coerce.number().int().positive();

const nodeFields = z.object({
  name: z.string({ error: '请填写名称。' }).trim().min(2, '请填写组织全称（至少 2 个字）。').max(100, '名称不能超过 100 个字符。'),
  code: z
    .string({ error: '请填写编码。' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, '编码由字母、数字和 - 组成（至多 40 位），如 U01-B4。'),
  unitName: optionalText(100, '所在单位'),
  establishedOn: optionalDay,
  contactPhone: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[0-9+\-() ]{5,20}$/.test(v), '请填写有效的联系电话。'),
});

export const createBranchSchema = nodeFields.extend({
  parentId: formId('请选择上级组织。'),
  kind: z.enum(branchKinds, { error: '请选择组织类型。' }),
});

export const updateBranchSchema = nodeFields.extend({ id: formId(), version });

export const moveBranchSchema = z.object({ id: formId(), version, parentId: formId('请选择新的上级组织。') });

export const dissolveBranchSchema = z.object({ id: formId(), version, dissolvedOn: day('请填写撤销日期。') });

export const appointPositionSchema = z.object({
  branchId: formId(),
  personId: formId('请选择任职人员。'),
  position: z.enum(committeePositionKinds, { error: '请选择职务。' }),
  startsOn: day('请填写任期开始日期。'),
  endsOn: optionalDay,
});

export const setTermSchema = z
  .object({ id: formId(), version, startsOn: day('请填写任期开始日期。'), endsOn: day('请填写任期届满日期。') })
  .refine((v) => v.endsOn > v.startsOn, { path: ['endsOn'], message: '任期届满日期须晚于开始日期。' });

export const endTermSchema = z.object({ id: formId(), version, endedOn: day('请填写离任日期。') });

export const branchSearchSchema = z.object({ q: z.string().trim().max(50).catch('') });
