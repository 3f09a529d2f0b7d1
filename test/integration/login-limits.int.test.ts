import { and, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loginAttempts, userSessions, users } from '@/db/schema/accounts';
import { deviceIdFor, withDeviceToken } from '@/lib/auth/device-cookie';
import { attemptLogin, LOGIN_LIMITS, type LoginResult } from '@/lib/auth/login';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD, login, userRow } from './auth-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Login limits on the seeded demo, through attemptLogin itself. The limiter lives in
// attemptLogin, not in the form or the route: Auth.js's credentials provider (lib/auth/auth.ts)
// is the only caller, so no other path to a session (another URL, a direct POST to
// /api/auth/callback/credentials, a second app instance) can skip it, and the counts are rows in
// the database rather than process memory.

// Wrapped, not replaced: it still verifies; the spy shows which hashes were checked.
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/password')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const db = withDemoDatabase();
beforeEach(async () => {
  await db.db.delete(loginAttempts);
  vi.mocked(verifyPassword).mockClear();
});

const reasons = (results: LoginResult[]) => results.map((r) => (r.ok ? 'ok' : r.reason));

async function failuresOf(usernameKey: string) {
  const [row] = await db.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.usernameKey, usernameKey), eq(loginAttempts.succeeded, false)));
  return row!.n;
}

async function oldFailures(usernameKey: string, n: number, minutesAgo: number, ip = '192.0.2.99') {
  const attemptedAt = new Date(Date.now() - minutesAgo * 60_000);
  await db.db.insert(loginAttempts).values(Array.from({ length: n }, () => ({ usernameKey, ip, succeeded: false, attemptedAt })));
}

describe('per-account limit', () => {
  it(`locks an account after ${LOGIN_LIMITS.perAccount} wrong passwords, even for the right one, from any address`, async () => {
    const wrong: LoginResult[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) wrong.push(await login(db.db, 'admin', `wrong-${i}`, '192.0.2.1'));
    expect(reasons(wrong)).toEqual(Array(LOGIN_LIMITS.perAccount).fill('invalid'));

    expect(await login(db.db, 'admin', DEMO_PASSWORD, '192.0.2.1')).toEqual({ ok: false, reason: 'locked' });
    expect(await login(db.db, 'admin', DEMO_PASSWORD, '198.51.100.200')).toEqual({ ok: false, reason: 'locked' });
    // Refused before the password is even looked at.
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(LOGIN_LIMITS.perAccount);
    // Other accounts on the same address are unaffected.
    expect(await login(db.db, 'editor', DEMO_PASSWORD, '192.0.2.1')).toMatchObject({ ok: true });
  });

  it('lets 20 parallel guesses record exactly 5 failures; every other one is locked', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login(db.db, 'editor', `parallel-${i}`, `203.0.113.${i + 1}`)));
    const tally = reasons(results).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
    expect(tally).toEqual({ invalid: LOGIN_LIMITS.perAccount, locked: 20 - LOGIN_LIMITS.perAccount });
    expect(await failuresOf('editor')).toBe(LOGIN_LIMITS.perAccount);
    expect(await login(db.db, 'editor', DEMO_PASSWORD, '203.0.113.100')).toEqual({ ok: false, reason: 'locked' });
  });

  it('counts every spelling of one account against one key: case, spaces, tabs, full-width letters', async () => {
    // Strapi GHSA-24q2-59hm-rh9r / CVE-2025-64526: a limiter keyed on the raw username let
    // 'ADMIN' or ' admin ' start a fresh count while still signing in as admin.
    const spellings = ['ADMIN', ' admin ', 'Admin\t', 'ａｄｍｉｎ', 'admin'];
    const results: LoginResult[] = [];
    for (const [i, spelling] of spellings.entries()) results.push(await login(db.db, spelling, `guess-${i}`, `198.51.100.${i + 1}`));
    expect(reasons(results)).toEqual(Array(5).fill('invalid'));

    const keys = await db.db.selectDistinct({ key: loginAttempts.usernameKey }).from(loginAttempts);
    expect(keys).toEqual([{ key: 'admin' }]);
    for (const spelling of [...spellings, 'ＡＤＭＩＮ']) {
      expect(await login(db.db, spelling, DEMO_PASSWORD, '198.51.100.50'), JSON.stringify(spelling)).toEqual({ ok: false, reason: 'locked' });
    }
  });

  it('spellings that do not normalize to the account do not sign in to it either', async () => {
    // A key the limiter has not seen is no bypass if the look-up uses the same key.
    for (const spelling of ['admin\u200b', 'adm in', 'ADMİN']) {
      expect(await login(db.db, spelling, DEMO_PASSWORD, '198.51.100.60'), JSON.stringify(spelling)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await failuresOf('admin')).toBe(0);
  });

  it('forgets failures older than the window and counts those inside it', async () => {
    await oldFailures('admin', 10, LOGIN_LIMITS.windowMinutes + 1);
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) expect(await login(db.db, 'admin', `wrong-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(db.db, 'admin', DEMO_PASSWORD)).toMatchObject({ ok: true });

    await oldFailures('auditor', LOGIN_LIMITS.perAccount, LOGIN_LIMITS.windowMinutes - 1);
    expect(await login(db.db, 'auditor', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('per-address limit', () => {
  it(`locks an address after ${LOGIN_LIMITS.perIp} failures spread over different usernames`, async () => {
    const ip = '198.51.100.7';
    const results: LoginResult[] = [];
    for (let i = 1; i <= LOGIN_LIMITS.perIp; i++) results.push(await login(db.db, `ghost-${i}`, 'whatever-password', ip));
    expect(reasons(results)).toEqual(Array(LOGIN_LIMITS.perIp).fill('invalid'));

    expect(await login(db.db, 'secretary', DEMO_PASSWORD, ip)).toEqual({ ok: false, reason: 'locked' });
    expect(await login(db.db, 'secretary', DEMO_PASSWORD, '198.51.100.8')).toMatchObject({ ok: true });
  });
});

describe('browsers that signed in as the user before (device cookies)', () => {
  // OWASP's device cookies: an attacker guessing from elsewhere exhausts the allowance of
  // unknown browsers, never the one of a browser the owner signed in with before.
  const SECRET = 'integration-test-device-cookie-secret-0000';
  const ownersBrowser = withDeviceToken(SECRET, undefined, 'admin');
  const fromBrowser = (cookie: string | undefined, password: string, ip = '192.0.2.1') =>
    attemptLogin(db.db, { username: 'admin', password, ip, userAgent: 'vitest', sessionMaxHours: 24, deviceIdFor: (key) => deviceIdFor(SECRET, cookie, key) });

  it('an attacker locks unknown browsers out, but the owner’s browser still signs in', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect(await login(db.db, 'admin', `attack-${i}`, '203.0.113.66')).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(db.db, 'admin', DEMO_PASSWORD, '192.0.2.1')).toEqual({ ok: false, reason: 'locked' });
    expect(await fromBrowser(undefined, DEMO_PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    expect(await fromBrowser(ownersBrowser, DEMO_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a known browser has its own limit: five wrong passwords lock that browser only', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perDevice; i++) expect(await fromBrowser(ownersBrowser, `typo-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await fromBrowser(ownersBrowser, DEMO_PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    // Its failures are not the account's: another browser of the owner, and unknown ones, still sign in.
    expect(await fromBrowser(withDeviceToken(SECRET, undefined, 'admin'), DEMO_PASSWORD)).toMatchObject({ ok: true });
    expect(await login(db.db, 'admin', DEMO_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a cookie signed with another key, or issued to another user, counts as an unknown browser', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await login(db.db, 'admin', `attack-${i}`, '203.0.113.66');
    const forged = withDeviceToken('an-attackers-own-key-that-is-long-000000', undefined, 'admin');
    expect(await fromBrowser(forged, DEMO_PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    expect(await fromBrowser(withDeviceToken(SECRET, undefined, 'editor'), DEMO_PASSWORD)).toEqual({ ok: false, reason: 'locked' });
  });

  it('the owner’s browser is not caught by the limit of an address it shares with an attacker', async () => {
    const office = '198.51.100.77';
    for (let i = 1; i <= LOGIN_LIMITS.perIp; i++) await login(db.db, `ghost-${i}`, 'whatever-password', office);
    expect(await login(db.db, 'admin', DEMO_PASSWORD, office)).toEqual({ ok: false, reason: 'locked' });
    expect(await fromBrowser(ownersBrowser, DEMO_PASSWORD, office)).toMatchObject({ ok: true });
  });
});

describe('an unknown client address', () => {
  it('stores no address and applies no per-address limit, only the account’s', async () => {
    for (let i = 1; i <= LOGIN_LIMITS.perIp; i++) await attemptLogin(db.db, { username: `ghost-${i}`, password: 'x-password', ip: null, userAgent: null, sessionMaxHours: 24 });
    expect(await attemptLogin(db.db, { username: 'editor', password: DEMO_PASSWORD, ip: null, userAgent: null, sessionMaxHours: 24 })).toMatchObject({ ok: true });
    const addresses = await db.db.selectDistinct({ ip: loginAttempts.ip }).from(loginAttempts);
    expect(addresses).toEqual([{ ip: null }]);
  });
});

describe('unknown usernames and inactive accounts', () => {
  async function wrongPassword(username: string, ip: string) {
    expect(await login(db.db, username, 'not-the-password', ip)).toEqual({ ok: false, reason: 'invalid' });
  }

  // Comparable time is proven by comparable work, not by a stopwatch (timings on a shared
  // machine are noise): one argon2 verification per attempt, against a hash made with the same
  // memory, time and parallelism parameters as a real account's.
  it('verifies a real argon2 hash for an unknown username, with the same cost as a real account', async () => {
    const argonParams = (hash: string) => /^\$argon2id\$v=\d+\$(m=\d+,t=\d+,p=\d+)\$/.exec(hash)?.[1];
    const editorHash = (await userRow(db.db, 'editor')).passwordHash;

    await wrongPassword('nobody-at-all', '192.0.2.30');
    const unknownCalls = vi.mocked(verifyPassword).mock.calls as [string, string][];
    expect(unknownCalls).toHaveLength(1);
    const [[hash]] = unknownCalls as [[string, string]];
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toBe(editorHash);
    expect(argonParams(hash)).toBeDefined();
    expect(argonParams(hash)).toBe(argonParams(editorHash));

    vi.mocked(verifyPassword).mockClear();
    await wrongPassword('editor', '192.0.2.31');
    expect(vi.mocked(verifyPassword).mock.calls).toHaveLength(1);
  });

  it('refuses a deactivated account with the right password as inactive, and opens no session', async () => {
    const auditor = await userRow(db.db, 'auditor');
    const sessionsOf = async () => (await db.db.select({ n: count() }).from(userSessions).where(eq(userSessions.userId, auditor.id)))[0]!.n;
    const sessionsBefore = await sessionsOf();
    await db.db.update(users).set({ active: false }).where(eq(users.id, auditor.id));
    try {
      expect(await login(db.db, 'auditor', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'inactive' });
      expect(await login(db.db, 'auditor', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
      expect(await sessionsOf()).toBe(sessionsBefore);
    } finally {
      await db.db.update(users).set({ active: true }).where(eq(users.id, auditor.id));
    }
  });
});
