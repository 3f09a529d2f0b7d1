import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { userSessions, users } from '@/db/schema/accounts';
import { branchSubtree } from '@/lib/branches/queries';
import type { Role } from './roles';

// Server-side sessions. The signed cookie only names a session row; every request checks the
// row, so sign-out, idle expiry, deactivation and role changes act on the very next request.

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  branchId: number | null;
  /** The user's branch and every branch below it; null for roles that are not branch-scoped. */
  branchScope: number[] | null;
  sessionId: string;
  mustChangePassword: boolean;
};

// Touching last_seen_at on every request would write on every page view; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  db: Database,
  { userId, sessionVersion, ip, userAgent, maxHours }: { userId: number; sessionVersion: number; ip: string | null; userAgent: string | null; maxHours: number },
): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, sessionVersion, ip, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt: new Date(Date.now() + maxHours * 3_600_000) })
    .returning({ id: userSessions.id });
  return row!.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in user behind a session id, or null when the session no longer holds. */
export async function loadSessionUser(db: Database, sessionId: string, idleHours: number): Promise<SessionUser | null> {
  if (!UUID.test(sessionId)) return null;
  const idleSince = new Date(Date.now() - idleHours * 3_600_000);
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      branchId: users.branchId,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        gt(userSessions.lastSeenAt, idleSince),
        eq(users.active, true),
        eq(users.sessionVersion, userSessions.sessionVersion),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(userSessions).set({ lastSeenAt: new Date() }).where(eq(userSessions.id, sessionId));
  }
  const { lastSeenAt: _seen, ...user } = row;
  const branchScope = user.role === 'branch_secretary' && user.branchId ? await branchSubtree(db, user.branchId) : null;
  return { ...user, branchScope, sessionId };
}

export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await db.update(userSessions).set({ revokedAt: new Date() }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}
