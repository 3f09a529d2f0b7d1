import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { loginAttempts, users } from '@/db/schema/accounts';
import { appendAudit } from '@/lib/audit/append';
import { hashPassword, normalizeUsername, verifyPassword } from './password';
import { createSession } from './sessions';

// Login with limits kept in the database, so they hold across app instances: within the window,
// 5 failures for one account or 20 from one IP refuse further attempts. Attempts on one account
// (and from one IP) are serialized by advisory locks, so parallel guesses cannot slip past the
// count; the key is the normalized username, so case, spaces or another URL do not reset it.

export const LOGIN_LIMITS = { perAccount: 5, perIp: 20, windowMinutes: 15 } as const;

export type LoginResult =
  | { ok: true; userId: number; sessionId: string }
  | { ok: false; reason: 'invalid' | 'locked' | 'inactive' };

// A real argon2id hash of a random string: unknown usernames cost the same time as known ones.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(crypto.randomUUID()));

export async function attemptLogin(
  db: Database,
  input: { username: string; password: string; ip: string; userAgent: string | null; sessionMaxHours: number },
): Promise<LoginResult> {
  const usernameKey = normalizeUsername(input.username).slice(0, 100);
  const ip = input.ip.slice(0, 64);
  return db.transaction(async (tx) => {
    // Always username before IP: a fixed order cannot deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:user:${usernameKey}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:ip:${ip}`}))`);

    const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
    const failures = (where: ReturnType<typeof and>) =>
      tx
        .select({ n: count() })
        .from(loginAttempts)
        .where(and(where, eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)))
        .then((r) => r[0]?.n ?? 0);
    const [byAccount, byIp] = await Promise.all([failures(eq(loginAttempts.usernameKey, usernameKey)), failures(eq(loginAttempts.ip, ip))]);
    if (byAccount >= LOGIN_LIMITS.perAccount || byIp >= LOGIN_LIMITS.perIp) return { ok: false, reason: 'locked' } as const;

    const [user] = await tx.select().from(users).where(eq(users.username, usernameKey)).limit(1);
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummy()), input.password);
    const succeeded = Boolean(user && passwordOk && user.active);
    await tx.insert(loginAttempts).values({ usernameKey, ip, succeeded });
    if (!user || !passwordOk) return { ok: false, reason: 'invalid' } as const;
    if (!user.active) return { ok: false, reason: 'inactive' } as const;

    const sessionId = await createSession(tx, { userId: user.id, sessionVersion: user.sessionVersion, ip, userAgent: input.userAgent, maxHours: input.sessionMaxHours });
    await tx.update(users).set({ lastLoginAt: new Date(), updatedAt: sql`${users.updatedAt}` }).where(eq(users.id, user.id));
    await appendAudit(tx, { id: user.id, name: user.username, role: user.role, ip }, { action: 'auth.login', entityType: 'user', entityId: user.id });
    return { ok: true, userId: user.id, sessionId } as const;
  });
}
