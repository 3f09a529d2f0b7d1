import { asc, count, eq, gt, max, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/open';
import { selectRows } from '@/db/rows';
import { userSessions, users } from '@/db/schema/accounts';
import { auditLog } from '@/db/schema/audit';
import { branches } from '@/db/schema/branches';
import { seedDatabase } from '@/tasks/seed';
import { DEMO_PASSWORD } from '@/tasks/seed/demo-org';
import type { ActionState } from '@/lib/actions/state';
import { attemptLogin } from '@/lib/auth/login';
import type { Role } from '@/lib/auth/roles';
import { createSession, loadSessionUser, type SessionUser } from '@/lib/auth/sessions';

// Shared by the sign-in, session, permission and account tests: the seeded demo, real sessions
// for its accounts, and a way to call a server action outside a Next request.

export { DEMO_PASSWORD };
export const IDLE_HOURS = 8;
export const MAX_HOURS = 24;

/** The demo account of each role (tasks/seed/demo-org.ts). */
export const demoUsername: Record<Role, string> = { admin: 'admin', editor: 'editor', branch_secretary: 'secretary', auditor: 'auditor' };

export const seedDemo = (db: Database) => seedDatabase(db, { demo: true });

export async function userRow(db: Database, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row;
}

export async function branchIdOf(db: Database, code: string): Promise<number> {
  const [row] = await db.select({ id: branches.id }).from(branches).where(eq(branches.code, code));
  if (!row) throw new Error(`no branch ${code}`);
  return row.id;
}

/** A session row for the user, as a successful login makes one, without paying for argon2. */
export async function openSession(db: Database, username: string): Promise<string> {
  const user = await userRow(db, username);
  return createSession(db, { userId: user.id, sessionVersion: user.sessionVersion, ip: '127.0.0.1', userAgent: 'vitest', maxHours: MAX_HOURS });
}

/** The SessionUser the app would see for a fresh session of `username`: real, from the database. */
export async function signedIn(db: Database, username: string): Promise<SessionUser> {
  const user = await loadSessionUser(db, await openSession(db, username), IDLE_HOURS);
  if (!user) throw new Error(`a fresh session of ${username} did not load`);
  return user;
}

export const loadSession = (db: Database, sessionId: string) => loadSessionUser(db, sessionId, IDLE_HOURS);

export const login = (db: Database, username: string, password: string, ip = '192.0.2.1') =>
  attemptLogin(db, { username, password, ip, userAgent: 'vitest', sessionMaxHours: MAX_HOURS });

/** An extra account with the demo password (its hash is copied: no argon2 cost). */
export async function addUser(db: Database, values: { username: string; role: Role; branchId?: number | null; displayName?: string }) {
  const { passwordHash } = await userRow(db, 'admin');
  const [row] = await db
    .insert(users)
    .values({ displayName: values.displayName ?? values.username, branchId: null, ...values, passwordHash })
    .returning();
  return row!;
}

export function form(values: Record<string, string | number | boolean>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
export type Outcome = { kind: 'state'; state: ActionState } | { kind: 'redirect'; url: string };

/** Calls a form action as useActionState would; Next's redirect() throws, which is caught here. */
export async function submit(action: FormAction, formData: FormData): Promise<Outcome> {
  try {
    return { kind: 'state', state: await action({ ok: false }, formData) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) return { kind: 'redirect', url: digest.split(';')[2]! };
    throw error;
  }
}

/** The state of an action that must not have redirected. */
export async function stateOf(action: FormAction, formData: FormData): Promise<ActionState> {
  const outcome = await submit(action, formData);
  if (outcome.kind !== 'state') throw new Error(`expected a state, got a redirect to ${outcome.url}`);
  return outcome.state;
}

/** No submitted password comes back in a state: neither under its own key nor as any value. */
export function expectNoPasswordEcho(state: ActionState, submitted: FormData) {
  expect(Object.keys(state.values ?? {}).filter((k) => /password/i.test(k))).toEqual([]);
  const text = JSON.stringify(state);
  for (const [key, value] of submitted) if (/password/i.test(key) && typeof value === 'string' && value) expect(text).not.toContain(value);
}

export async function lastAuditId(db: Database): Promise<number> {
  const [row] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  return Number(row?.id ?? 0);
}

export const auditRowsAfter = (db: Database, id: number) => db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));

/** The one audit row a successful mutation wrote since `sinceId`, with no secret in its payload. */
export async function expectOneAudit(
  db: Database,
  sinceId: number,
  expected: { actor: SessionUser; action: string; entityId: number },
) {
  const rows = await auditRowsAfter(db, sinceId);
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row).toMatchObject({
    actorId: expected.actor.id,
    actorName: expected.actor.username,
    actorRole: expected.actor.role,
    action: expected.action,
    entityType: 'user',
    entityId: String(expected.entityId),
    ip: '127.0.0.1',
  });
  expect(JSON.stringify([row.before, row.after])).not.toMatch(/password|hash|argon2/i);
  return row;
}

/**
 * Everything an account action could change: every user row, every session's revocation and
 * the size of the audit trail. Equal snapshots mean the action changed nothing.
 */
export async function accountsSnapshot(db: Database) {
  const [audits] = await db.select({ n: count() }).from(auditLog);
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    sessions: await db.select({ id: userSessions.id, revokedAt: userSessions.revokedAt }).from(userSessions).orderBy(asc(userSessions.id)),
    audits: audits!.n,
  };
}

// lib/audit/append.ts AUDIT_CHAIN_LOCK: every audited write takes it just before it commits.
const AUDIT_CHAIN_LOCK = 7_416_003;

/**
 * Runs concurrent writes so that each has done its reads before any commits: the audit lock is
 * held until `writers` transactions wait for it (or a second passes), then released. PGlite runs
 * one transaction at a time, so there the writes simply run one after another.
 */
export async function beforeAnyCommits<T>(handle: DatabaseHandle, writers: number, run: () => Promise<T>): Promise<T> {
  if (handle.kind === 'pglite') return run();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const holder = handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    held();
    await released;
  });
  await isHeld;
  const result = run();
  result.catch(() => {}); // rejections reach the caller below, not the unhandled-rejection hook
  try {
    for (let waited = 0; waited < 1000; waited += 20) {
      const [row] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`);
      if (Number(row?.n) >= writers) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    release();
    await holder;
  }
  return result;
}
