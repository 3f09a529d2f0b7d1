import 'server-only';
import { getCurrentUser } from './current-user';
import { type Action, can, type Target } from './permissions';
import type { SessionUser } from './sessions';

// The guard every route handler takes, in the order defineAction checks: session → forced
// password change → permission (on a target when the scope needs one) → typed refusal.

export type RouteRefusal = { ok: false; status: 401 | 403; message: string };
export type RouteAccess = { ok: true; user: SessionUser } | RouteRefusal;

export const routeMessages = {
  unauthenticated: '登录已失效，请重新登录后再试。',
  mustChangePassword: '请先修改管理员为您设置的初始密码。',
  forbidden: '您没有执行此操作的权限。',
} as const;

/** Whether the signed-in user may do `permission` (on `target`), or why not. */
export async function routeAccess(permission: Action, target?: Target): Promise<RouteAccess> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, message: routeMessages.unauthenticated };
  // A password set by an administrator is changed before anything else is done.
  if (user.mustChangePassword && permission !== 'account.changePassword') return { ok: false, status: 403, message: routeMessages.mustChangePassword };
  if (!can(user, permission, target)) return { ok: false, status: 403, message: routeMessages.forbidden };
  return { ok: true, user };
}

export type RefusalFormat = 'json' | 'text';

/** A refusal as the handler's clients expect it: `{ error }` JSON or plain text, never cached. */
export function refusalResponse(refusal: RouteRefusal, format: RefusalFormat): Response {
  const headers = { 'Cache-Control': 'private, no-store' };
  return format === 'json'
    ? Response.json({ error: refusal.message }, { status: refusal.status, headers })
    : new Response(refusal.message, { status: refusal.status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

type Guarded = { user: SessionUser; refusal?: undefined } | { user?: undefined; refusal: Response };

/** For handlers: the user, or the response that refuses the request. */
export async function guardRoute(permission: Action, { target, format }: { target?: Target; format: RefusalFormat }): Promise<Guarded> {
  const access = await routeAccess(permission, target);
  return access.ok ? { user: access.user } : { refusal: refusalResponse(access, format) };
}
