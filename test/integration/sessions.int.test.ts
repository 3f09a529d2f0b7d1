// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { userSessions } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { setUserActiveAction, updateUserAction } from '@/lib/accounts/actions';
import { can } from '@/lib/auth/permissions';
import { revokeSession, type SessionUser } from '@/lib/auth/sessions';
import { addUser, branchIdOf, form, IDLE_HOURS, loadSession, openSession, signedIn, stateOf, userRow } from './auth-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Server-side sessions: every request re-checks the row, so sign-out, deactivation, role
// changes, idle time and expiry take effect on the very next request.

const db = withDemoDatabase();
beforeAll(async () => {
  session.user = await signedIn(db.db, 'admin');
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
const setSession = (id: string, values: Partial<typeof userSessions.$inferInsert>) =>
  db.db.update(userSessions).set(values).where(eq(userSessions.id, id));

describe('loadSessionUser', () => {
  it('returns the user of a fresh session, with the fields pages rely on', async () => {
    const sid = await openSession(db.db, 'editor');
    const editor = await userRow(db.db, 'editor');
    expect(await loadSession(db.db, sid)).toEqual({
      id: editor.id,
      username: 'editor',
      displayName: editor.displayName,
      role: 'editor',
      branchId: null,
      branchScope: null,
      sessionId: sid,
      mustChangePassword: false,
    });
  });

  it('returns null after sign-out, and only for the session signed out', async () => {
    const [signedOut, other] = [await openSession(db.db, 'editor'), await openSession(db.db, 'editor')];
    await revokeSession(db.db, signedOut);
    expect(await loadSession(db.db, signedOut)).toBeNull();
    expect(await loadSession(db.db, other)).not.toBeNull();
  });

  it('returns null on the next request after the user is deactivated, and reactivation does not revive it', async () => {
    const user = await addUser(db.db, { username: 'to-deactivate', role: 'editor' });
    const sid = await openSession(db.db, user.username);
    expect(await loadSession(db.db, sid)).not.toBeNull();

    expect(await stateOf(setUserActiveAction, form({ id: user.id, active: 'false' }))).toMatchObject({ ok: true });
    expect(await loadSession(db.db, sid)).toBeNull();

    expect(await stateOf(setUserActiveAction, form({ id: user.id, active: 'true' }))).toMatchObject({ ok: true });
    expect(await loadSession(db.db, sid)).toBeNull();
    expect(await loadSession(db.db, await openSession(db.db, user.username))).toMatchObject({ username: 'to-deactivate' });
  });

  it('returns null on the next request after a role change, but survives an edit of the name alone', async () => {
    const user = await addUser(db.db, { username: 'to-promote', role: 'editor' });
    const sid = await openSession(db.db, user.username);
    const edit = async (values: Record<string, string | number>) => {
      const { version } = await userRow(db.db, user.username);
      return stateOf(updateUserAction, form({ id: user.id, version, branchId: '', ...values }));
    };

    expect(await edit({ displayName: '新名字', role: 'editor' })).toMatchObject({ ok: true });
    expect(await loadSession(db.db, sid)).toMatchObject({ displayName: '新名字', role: 'editor' });

    expect(await edit({ displayName: '新名字', role: 'auditor' })).toMatchObject({ ok: true });
    expect(await loadSession(db.db, sid)).toBeNull();
  });

  it(`returns null once idle longer than ${IDLE_HOURS} hours; a session just inside the limit holds and is touched`, async () => {
    const [idle, active] = [await openSession(db.db, 'auditor'), await openSession(db.db, 'auditor')];
    await setSession(idle, { lastSeenAt: hoursAgo(IDLE_HOURS + 0.1) });
    await setSession(active, { lastSeenAt: hoursAgo(IDLE_HOURS - 0.1) });

    expect(await loadSession(db.db, idle)).toBeNull();
    expect(await loadSession(db.db, active)).not.toBeNull();
    const [touched] = await db.db.select({ lastSeenAt: userSessions.lastSeenAt }).from(userSessions).where(eq(userSessions.id, active));
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it('returns null after expires_at, however recently it was used', async () => {
    const sid = await openSession(db.db, 'auditor');
    await setSession(sid, { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() });
    expect(await loadSession(db.db, sid)).toBeNull();
  });

  it('returns null for ids that are not UUIDs without asking the database, and for unknown UUIDs', async () => {
    const before = db.queries.length;
    for (const sid of ['', 'admin', "' or 1=1 --", '1', `${crypto.randomUUID()}x`, crypto.randomUUID().replaceAll('-', '')]) {
      expect(await loadSession(db.db, sid), sid).toBeNull();
      await expect(revokeSession(db.db, sid)).resolves.toBeUndefined();
    }
    expect(db.queries.slice(before)).toEqual([]);
    expect(await loadSession(db.db, crypto.randomUUID())).toBeNull();
  });
});

describe('branch scope of the demo secretary', () => {
  let secretary: SessionUser;
  let ownBranch: number;
  let partyGroup: number;
  beforeAll(async () => {
    secretary = await signedIn(db.db, 'secretary');
    [ownBranch, partyGroup] = [await branchIdOf(db.db, 'U01-B1'), await branchIdOf(db.db, 'U01-B1-P1')];
  });

  it('is the branch U01-B1 and its party group U01-B1-P1, nothing else', () => {
    expect(secretary.branchId).toBe(ownBranch);
    expect([...secretary.branchScope!].sort((a, b) => a - b)).toEqual([ownBranch, partyGroup].sort((a, b) => a - b));
  });

  it('lets can() allow records.write in the own branch and party group only', async () => {
    expect(can(secretary, 'records.write', { branchId: ownBranch })).toBe(true);
    expect(can(secretary, 'records.write', { branchId: partyGroup })).toBe(true);
    expect(can(secretary, 'records.write', { branchId: await branchIdOf(db.db, 'U02-B1') })).toBe(false);
    expect(can(secretary, 'records.write', { branchId: await branchIdOf(db.db, 'WC') })).toBe(false);
    expect(can(secretary, 'records.write', { branchId: await branchIdOf(db.db, 'U01') })).toBe(false);
  });

  it('gives nothing to guessed ids: of every branch id (and a few that do not exist) only the two are allowed', async () => {
    const ids = (await db.db.select({ id: branches.id }).from(branches)).map((b) => b.id);
    const [{ top }] = (await db.db.select({ top: sql<number>`max(${branches.id})` }).from(branches)) as [{ top: number }];
    const guesses = [...ids, 0, -1, Number(top) + 1, Number(top) + 1000];
    for (const action of ['records.write', 'records.read', 'branches.read'] as const) {
      const allowed = guesses.filter((branchId) => can(secretary, action, { branchId }));
      expect(allowed.sort((a, b) => a - b), action).toEqual([ownBranch, partyGroup].sort((a, b) => a - b));
    }
    expect(can(secretary, 'records.write', { branchId: null })).toBe(false);
  });
});
