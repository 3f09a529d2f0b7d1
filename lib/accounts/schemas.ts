import { z } from 'zod';
import { roles } from '@/db/schema/accounts';

// One base schema per form, shared by the form's field names and the server action.

export const PASSWORD_MIN = 10;

export const password = z
  .string()
  .min(PASSWORD_MIN, `密码至少需要 ${PASSWORD_MIN} 个字符。`)
  .max(200, '密码不能超过 200 个字符。');

const optionalBranchId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().positive('请选择所属支部。').nullable());

const userFields = z.object({
  displayName: z.string().trim().min(1, '请填写姓名。').max(50, '姓名不能超过 50 个字符。'),
  role: z.enum(roles, { error: '请选择角色。' }),
  branchId: optionalBranchId,
});

function requireBranchForSecretary<T extends { role: string; branchId: number | null }>(value: T, ctx: z.RefinementCtx) {
  if (value.role === 'branch_secretary' && !value.branchId) ctx.addIssue({ code: 'custom', path: ['branchId'], message: '支部书记必须选择所属支部。' });
}

export const createUserSchema = userFields
  .extend({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 _ . -，以字母或数字开头。'),
    password,
  })
  .superRefine(requireBranchForSecretary);

export const updateUserSchema = userFields
  .extend({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() })
  .superRefine(requireBranchForSecretary);

export const resetPasswordSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('generate'), id: z.coerce.number().int().positive() }),
  z.object({ mode: z.literal('set'), id: z.coerce.number().int().positive(), password }),
]);

export const setActiveSchema = z.object({
  id: z.coerce.number().int().positive(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码。'),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: '两次输入的新密码不一致。' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: '新密码不能与当前密码相同。' });

export const userSearchSchema = z.object({
  q: z.string().trim().max(50).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
