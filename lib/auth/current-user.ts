import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { logAuthError } from './auth-logger';
import { type Action, can, type Target } from './permissions';
import { authSecret } from './secret';
import { sessionCookieName, sessionIdFromToken } from './session-token';
import { loadSessionUser, type SessionUser } from './sessions';

/** The session cookie's value as Auth.js stores it: whole, or in chunks `name.0`, `name.1`, … */
async function sessionToken(): Promise<{ name: string; token: string | undefined }> {
  const name = sessionCookieName((await headers()).get('x-forwarded-proto'));
  const jar = await cookies();
  const whole = jar.get(name)?.value;
  if (whole) return { name, token: whole };
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!.value);
  return { name, token: chunks.join('') || undefined };
}

/** The signed-in user of this request, or null. Checked against the database once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const { name, token } = await sessionToken();
  if (!token) return null;
  const sid = await sessionIdFromToken(token, authSecret(), name);
  if (!sid) {
    logAuthError(Object.assign(new Error('invalid or expired session cookie'), { type: 'JWTSessionError' }));
    return null;
  }
  return loadSessionUser(await getDb(), sid, env.SESSION_IDLE_HOURS);
});

/** For admin pages: the user, or a redirect to the login page. */
export async function requireUser(returnTo = '/admin'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For admin pages that need a permission: the user, or the 403 page. */
export async function requirePermission(action: Action, target?: Target, returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  // A password set by an administrator is changed before anything else is done.
  if (user.mustChangePassword && action !== 'account.changePassword') redirect('/admin/account/password');
  if (!can(user, action, target)) forbidden();
  return user;
}
