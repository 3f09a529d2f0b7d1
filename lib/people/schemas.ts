import { z } from 'zod';
import { genders, memberStatuses } from '@/db/schema/people';
import { todayInBeijing } from '@/lib/calendar/days';
import { day, formId, optionalDay } from '@/lib/branches/schemas';
import { memberSinceStatuses } from './labels';

// Form schemas of the roster: one per form, shared by its field names and its server action.

export const NAME_MAX = 30;

const notFuture = (field: string, label: string) => (v: { [k: string]: unknown }, ctx: z.RefinementCtx) => {
  const value = v[field];
  if (typeof value === 'string' && value > todayInBeijing()) ctx.addIssue({ code: 'custom', path: [field], message: `${label}不能晚于今天。` });
};

/** A mobile number (11 digits from 13–19) or a landline with its area code, spaces and dashes ignored. */
export const phone = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(/[\s-]/g, '') : null))
  .refine((v) => v === null || /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}\d{7,8}$/.test(v), '请填写 11 位手机号或带区号的固定电话，如 13812345678、0599-86120311。');

const version = z.coerce.number().int().positive();

const personFields = z.object({
  name: z.string({ error: '请填写姓名。' }).trim().min(2, '请填写姓名（至少 2 个字）。').max(NAME_MAX, `姓名不能超过 ${NAME_MAX} 个字符。`),
  gender: z
    .enum(['', ...genders], { error: '请选择性别。' })
    .optional()
    .transform((v) => (v ? v : null)),
  birthDate: optionalDay,
  phone,
  jobTitle: z
    .string()
    .trim()
    .max(50, '职务不能超过 50 个字符。')
    .optional()
    .transform((v) => v || null),
  status: z.enum(memberStatuses, { error: '请选择政治面貌。' }),
  statusSince: optionalDay,
  joinedPartyOn: optionalDay,
});

type PersonFields = z.infer<typeof personFields>;

function checkDates(v: PersonFields, ctx: z.RefinementCtx) {
  notFuture('birthDate', '出生日期')(v, ctx);
  notFuture('statusSince', '本状态起始日期')(v, ctx);
  notFuture('joinedPartyOn', '入党时间')(v, ctx);
  const member = memberSinceStatuses.includes(v.status);
  if (member && !v.joinedPartyOn) ctx.addIssue({ code: 'custom', path: ['joinedPartyOn'], message: '预备党员和正式党员须填写入党时间。' });
  if (!member && v.joinedPartyOn) ctx.addIssue({ code: 'custom', path: ['joinedPartyOn'], message: '尚未入党的人员不填写入党时间。' });
  if (v.birthDate && v.joinedPartyOn && v.joinedPartyOn <= v.birthDate) ctx.addIssue({ code: 'custom', path: ['joinedPartyOn'], message: '入党时间须晚于出生日期。' });
  if (v.birthDate && v.statusSince && v.statusSince <= v.birthDate) ctx.addIssue({ code: 'custom', path: ['statusSince'], message: '本状态起始日期须晚于出生日期。' });
}

export const createPersonSchema = personFields.extend({ branchId: formId('请选择所在组织。') }).superRefine(checkDates);

export const updatePersonSchema = personFields.extend({ id: formId(), version }).superRefine(checkDates);

export const transferPersonSchema = z
  .object({
    id: formId(),
    version,
    toBranchId: formId('请选择转入的组织。'),
    transferredOn: day('请填写转接日期。'),
    reason: z.string().trim().max(200, '转接原因不能超过 200 个字符。').optional().default(''),
  })
  .superRefine(notFuture('transferredOn', '转接日期'));

export const linkAccountSchema = z.object({ id: formId(), version, userId: formId('请选择要关联的账号。') });

export const unlinkAccountSchema = z.object({ id: formId(), version });

/** The roster's filters from the query string; a value that does not parse is dropped. */
export const peopleFilterSchema = z.object({
  branchId: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  status: z.enum(memberStatuses).optional().catch(undefined),
  q: z.string().trim().max(NAME_MAX).optional().catch(undefined),
});

export type PeopleFilters = z.infer<typeof peopleFilterSchema>;
