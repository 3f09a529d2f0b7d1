'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { changeOwnPassword, createUser, resetPassword, setUserActive, updateUser } from './commands';
import { changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, setActiveSchema, updateUserSchema } from './schemas';

const revalidateUsers = () => revalidatePath('/admin/users', 'layout');

export const createUserAction = defineAction({
  permission: 'users.manage',
  schema: createUserSchema,
  run: createUser,
  revalidate: revalidateUsers,
  redirectTo: (_input, user) => `/admin/users/${user.id}?created=1`,
});

export const updateUserAction = defineAction({
  permission: 'users.manage',
  schema: updateUserSchema,
  run: updateUser,
  revalidate: revalidateUsers,
  successMessage: '用户信息已保存。',
});

export const resetPasswordAction = defineAction({
  permission: 'users.manage',
  schema: resetPasswordSchema,
  run: resetPassword,
  successMessage: (r) => (r.oneTimePassword ? `已为 ${r.username} 生成一次性密码，请当面或通过安全渠道告知本人，登录后须立即修改。此密码只显示一次。` : `已重设 ${r.username} 的密码，登录后须立即修改。`),
  successData: (r) => (r.oneTimePassword ? { oneTimePassword: r.oneTimePassword } : undefined),
});

export const setUserActiveAction = defineAction({
  permission: 'users.manage',
  schema: setActiveSchema,
  run: setUserActive,
  revalidate: revalidateUsers,
  successMessage: (u) => (u.active ? '账号已启用。' : '账号已停用，该用户的登录会话已全部失效。'),
});

export const changeOwnPasswordAction = defineAction({
  permission: 'account.changePassword',
  schema: changeOwnPasswordSchema,
  run: changeOwnPassword,
  successMessage: '密码已修改。您在其他设备上的登录已失效。',
});
