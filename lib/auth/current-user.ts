import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { auth } from './auth';
import { type Action, can, type Target } from './permissions';
import { loadSessionUser, type SessionUser } from './sessions';

/** The signed-in user of this request, or null. Checked against the database once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const sid = (session as { sid?: string } | null)?.sid;
  if (!sid) return null;
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
