'use server';

import { AuthError } from 'next-auth';
import type { ActionState } from '@/lib/actions/state';
import { signIn, signOut } from './auth';
import { LOGIN_LIMITS } from './login';
import { safeNextPath } from './safe-next';

const MESSAGES: Record<string, string> = {
  invalid: '用户名或密码错误。',
  locked: `登录失败次数过多，请 ${LOGIN_LIMITS.windowMinutes} 分钟后再试。`,
  inactive: '该账号已停用，请联系工委管理员。',
};

export async function loginAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const username = String(formData.get('username') ?? '');
  const password = String(formData.get('password') ?? '');
  const fieldErrors: Record<string, string[]> = {};
  if (!username.trim()) fieldErrors.username = ['请输入用户名。'];
  if (!password) fieldErrors.password = ['请输入密码。'];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, message: '请填写用户名和密码。', fieldErrors, values: { username } };
  try {
    // Succeeds by throwing Next's redirect, which must propagate.
    await signIn('credentials', { username, password, redirectTo: safeNextPath(formData.get('next')) });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? 'invalid';
      return { ok: false, status: code === 'locked' ? 429 : 401, message: MESSAGES[code] ?? MESSAGES.invalid, values: { username } };
    }
    throw error;
  }
}

/** Ends the session row too (Auth.js's signOut event, lib/auth/auth.ts), not only the cookie. */
export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
