import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { appendAudit } from '@/lib/audit/append';
import { isLockedOut, recordAttempt } from './attempt-limits';
import { hashPassword, normalizeUsername, verifyPassword } from './password';
import { createSession } from './sessions';

export { LOGIN_LIMITS } from './attempt-limits';

export type LoginResult =
  | { ok: true; userId: number; sessionId: string; usernameKey: string }
  | { ok: false; reason: 'invalid' | 'locked' | 'inactive' };

// A real argon2id hash of a random string: unknown usernames cost the same time as known ones.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(crypto.randomUUID()));

export async function attemptLogin(
  db: Database,
  input: {
    username: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
    sessionMaxHours: number;
    /** The device id this browser's device cookie holds for the username, if any. */
    deviceIdFor?: (usernameKey: string) => string | null;
  },
): Promise<LoginResult> {
  const usernameKey = normalizeUsername(input.username).slice(0, 100);
  const source = { usernameKey, ip: input.ip, deviceId: input.deviceIdFor?.(usernameKey) ?? null };
  return db.transaction(async (tx) => {
    if (await isLockedOut(tx, source)) return { ok: false, reason: 'locked' } as const;

    const [user] = await tx.select().from(users).where(eq(users.username, usernameKey)).limit(1);
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummy()), input.password);
    await recordAttempt(tx, source, Boolean(user && passwordOk && user.active));
    if (!user || !passwordOk) return { ok: false, reason: 'invalid' } as const;
    if (!user.active) return { ok: false, reason: 'inactive' } as const;

    const sessionId = await createSession(tx, { userId: user.id, sessionVersion: user.sessionVersion, ip: input.ip, userAgent: input.userAgent, maxHours: input.sessionMaxHours });
    await tx.update(users).set({ lastLoginAt: new Date(), updatedAt: sql`${users.updatedAt}` }).where(eq(users.id, user.id));
    await appendAudit(tx, { id: user.id, name: user.username, role: user.role, ip: input.ip }, { action: 'auth.login', entityType: 'user', entityId: user.id });
    return { ok: true, userId: user.id, sessionId, usernameKey } as const;
  });
}
