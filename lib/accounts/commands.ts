import 'server-only';
import { randomInt } from 'node:crypto';
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import { userSessions, users } from '@/db/schema/accounts';
import type { ActionContext } from '@/lib/actions/define-action';
import { attemptSource, isLockedOut, LOGIN_LIMITS, recordAttempt } from '@/lib/auth/attempt-limits';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { authSecret } from '@/lib/auth/secret';
import { branchExists } from '@/lib/branches/queries';
import { AppError, CommittedRefusal } from '@/lib/errors';
import type { changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, setActiveSchema, updateUserSchema } from './schemas';

// Writes on accounts. Each runs inside the action's transaction and records its audit row.
// Role changes, deactivation and password resets bump session_version, which ends the user's
// sessions on their next request.

const auditable = (u: typeof users.$inferSelect) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  branchId: u.branchId,
  active: u.active,
});

async function loadForUpdate(ctx: ActionContext, id: number) {
  const [row] = await ctx.tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该用户不存在或已被删除。');
  return row;
}

// Two admins demoting or deactivating each other at once must not both pass the check below.
const ADMIN_GUARD_LOCK = 7_416_004;

async function assertAnotherActiveAdmin(ctx: ActionContext, exceptId: number) {
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`);
  const [row] = await ctx.tx.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)));
  if ((row?.n ?? 0) === 0) throw new AppError('conflict', '系统中至少需要保留一名启用状态的管理员。');
}

async function assertBranchExists(ctx: ActionContext, branchId: number | null) {
  if (branchId === null) return;
  if (!(await branchExists(ctx.tx, branchId))) throw new AppError('invalid', '所选支部不存在，请重新选择。', 'branchId');
}

const usernameTaken = () => new AppError('conflict', '该用户名已被使用。', 'username');

export async function createUser(ctx: ActionContext, input: z.infer<typeof createUserSchema>) {
  const [existing] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw usernameTaken();
  const branchId = input.role === 'branch_secretary' ? input.branchId : null;
  await assertBranchExists(ctx, branchId);
  const passwordHash = await hashPassword(input.password);
  // Two admins creating one username at once: the unique index decides, the loser is told why.
  const [row] = await ctx.tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      branchId,
      passwordHash,
      mustChangePassword: true,
      createdBy: ctx.user.id,
    })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, 'users_username_key') ? usernameTaken() : error;
    });
  await ctx.audit({ action: 'user.create', entityType: 'user', entityId: row!.id, after: auditable(row!) });
  return row!;
}

export async function updateUser(ctx: ActionContext, input: z.infer<typeof updateUserSchema>) {
  const before = await loadForUpdate(ctx, input.id);
  if (before.version !== input.version) throw new AppError('conflict', '该用户已被他人修改，请刷新页面后再保存。');
  const branchId = input.role === 'branch_secretary' ? input.branchId : null;
  await assertBranchExists(ctx, branchId);
  const roleChanged = before.role !== input.role || before.branchId !== branchId;
  if (roleChanged && before.id === ctx.user.id) throw new AppError('forbidden', '不能修改自己的角色或所属支部。', 'role');
  if (roleChanged && before.role === 'admin') await assertAnotherActiveAdmin(ctx, before.id);
  const [after] = await ctx.tx
    .update(users)
    .set({
      displayName: input.displayName,
      role: input.role,
      branchId,
      version: sql`${users.version} + 1`,
      sessionVersion: roleChanged ? sql`${users.sessionVersion} + 1` : users.sessionVersion,
    })
    .where(eq(users.id, before.id))
    .returning();
  await ctx.audit({ action: 'user.update', entityType: 'user', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/** A readable one-time password: no look-alike characters. */
export function generatePassword(length = 14): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export async function resetPassword(ctx: ActionContext, input: z.infer<typeof resetPasswordSchema>) {
  const target = await loadForUpdate(ctx, input.id);
  const newPassword = input.mode === 'generate' ? generatePassword() : input.password;
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(newPassword),
      mustChangePassword: true,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, target.id));
  await ctx.audit({ action: 'user.reset_password', entityType: 'user', entityId: target.id, after: { mode: input.mode } });
  return { username: target.username, oneTimePassword: input.mode === 'generate' ? newPassword : undefined };
}

export async function setUserActive(ctx: ActionContext, input: z.infer<typeof setActiveSchema>) {
  const before = await loadForUpdate(ctx, input.id);
  if (before.id === ctx.user.id) throw new AppError('forbidden', '不能停用自己的账号。');
  if (!input.active && before.role === 'admin') await assertAnotherActiveAdmin(ctx, before.id);
  const [after] = await ctx.tx
    .update(users)
    .set({ active: input.active, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1` })
    .where(eq(users.id, before.id))
    .returning();
  await ctx.audit({ action: input.active ? 'user.activate' : 'user.deactivate', entityType: 'user', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/**
 * The current password is guessed against the same limits as sign-in (lib/auth/attempt-limits),
 * so a stolen session cannot try passwords forever; each wrong one leaves an attempt and an
 * audit row, which commit although the change is refused.
 */
export async function changeOwnPassword(ctx: ActionContext, input: z.infer<typeof changeOwnPasswordSchema>) {
  // Attempt locks first, then the row: sign-in takes them in that order too.
  const source = attemptSource(ctx.user.username, ctx.client, authSecret);
  if (await isLockedOut(ctx.tx, source)) throw new AppError('too_many_attempts', `密码错误次数过多，请 ${LOGIN_LIMITS.windowMinutes} 分钟后再试。`);
  const me = await loadForUpdate(ctx, ctx.user.id);
  const passwordOk = await verifyPassword(me.passwordHash, input.currentPassword);
  await recordAttempt(ctx.tx, source, passwordOk);
  if (!passwordOk) {
    await ctx.audit({ action: 'user.change_password_failed', entityType: 'user', entityId: me.id });
    throw new CommittedRefusal('invalid', '当前密码不正确。', 'currentPassword');
  }
  // The current session stays valid: only other sessions of this user are ended.
  await ctx.tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, version: sql`${users.version} + 1` })
    .where(eq(users.id, me.id));
  await ctx.tx
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, me.id), ne(userSessions.id, ctx.user.sessionId), isNull(userSessions.revokedAt)));
  await ctx.audit({ action: 'user.change_password', entityType: 'user', entityId: me.id });
}
