// First: the stand-ins it registers must be in place before the modules below are imported.
import { session } from './setup/request-mocks';
import { and, count, eq, ne } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAttempts, users } from '@/db/schema/accounts';
import {
  changeOwnPasswordAction,
  createUserAction,
  resetPasswordAction,
  setUserActiveAction,
  updateUserAction,
} from '@/lib/accounts/actions';
import { setUserActive, updateUser } from '@/lib/accounts/commands';
import type { ActionContext } from '@/lib/actions/define-action';
import { appendAudit } from '@/lib/audit/append';
import { LOGIN_LIMITS } from '@/lib/auth/attempt-limits';
import { verifyPassword } from '@/lib/auth/password';
import { verifyAuditChain } from '@/lib/audit/verify';
import type { SessionUser } from '@/lib/auth/sessions';
import {
  accountsSnapshot,
  addUser,
  auditRowsAfter,
  beforeAnyCommits,
  branchIdOf,
  DEMO_PASSWORD,
  expectNoPasswordEcho,
  expectOneAudit,
  form,
  type FormAction,
  lastAuditId,
  loadSession,
  login,
  openSession,
  signedIn,
  stateOf,
  submit,
  userRow,
} from './auth-fixtures';
import { withDemoDatabase } from './setup/demo-database';

// Account administration through the real server actions, as the demo admin unless a test says
// otherwise: validation, conflicts, the guards that keep the portal administrable, one-time
// passwords, and the audit row every successful change writes in its own transaction.

const db = withDemoDatabase();
let admin: SessionUser;

beforeAll(async () => {
  admin = await signedIn(db.db, 'admin');
});

/** Runs an action as `user`; getCurrentUser is read before the action's first await. */
function as<T>(user: SessionUser, run: () => Promise<T>): Promise<T> {
  session.user = user;
  return run();
}
const asAdmin = <T>(run: () => Promise<T>) => as(admin, run);

/** A form for updateUserAction with the user's current fields, overridden by `changes`. */
async function editForm(username: string, changes: Record<string, string | number> = {}) {
  const u = await userRow(db.db, username);
  return form({ id: u.id, version: u.version, displayName: u.displayName, role: u.role, branchId: u.branchId ?? '', ...changes });
}

/** Expects the action to have failed with `expected` and to have left the database as it was. */
async function expectRefused(action: FormAction, submitted: FormData, expected: Record<string, unknown>) {
  const before = await accountsSnapshot(db.db);
  const state = await asAdmin(() => stateOf(action, submitted));
  expect(state).toMatchObject({ ok: false, ...expected });
  expectNoPasswordEcho(state, submitted);
  expect(await accountsSnapshot(db.db)).toEqual(before);
  return state;
}

describe('creating a user', () => {
  it('reports every invalid field in Chinese, echoes the values but never the password, and saves nothing', async () => {
    const submitted = form({ username: 'Bad Name!', displayName: '王五', role: 'branch_secretary', branchId: '', password: 'short' });
    const state = await expectRefused(createUserAction, submitted, { status: 400, message: '请检查标出的内容。' });
    expect(state.fieldErrors).toEqual({
      username: ['用户名为 3–32 位小写字母、数字或 _ . -，以字母或数字开头。'],
      password: ['密码至少需要 10 个字符。'],
      branchId: ['支部书记必须选择所属支部。'],
    });
    expect(state.values).toEqual({ username: 'Bad Name!', displayName: '王五', role: 'branch_secretary', branchId: '' });
  });

  it('refuses a taken username, however it is spelled, with an error on the username field', async () => {
    const submitted = form({ username: ' EDITOR ', displayName: '重名', role: 'editor', password: 'long-enough-password' });
    const state = await expectRefused(createUserAction, submitted, { status: 409 });
    expect(state.fieldErrors).toEqual({ username: ['该用户名已被使用。'] });
    expect(state.values).toMatchObject({ username: ' EDITOR ', displayName: '重名' });
  });

  it('creates a branch secretary who must change the password, redirects to the new user, and audits without secrets', async () => {
    const branchId = await branchIdOf(db.db, 'U01-B2');
    const since = await lastAuditId(db.db);
    const outcome = await asAdmin(() =>
      submit(createUserAction, form({ username: ' New.Secretary ', displayName: '新书记', role: 'branch_secretary', branchId, password: 'first-password-1' })),
    );

    const created = await userRow(db.db, 'new.secretary');
    expect(outcome).toEqual({ kind: 'redirect', url: `/admin/users/${created.id}?created=1` });
    expect(created).toMatchObject({ role: 'branch_secretary', branchId, mustChangePassword: true, createdBy: admin.id, active: true });
    const row = await expectOneAudit(db.db, since, { actor: admin, action: 'user.create', entityId: created.id });
    expect(row.before).toBeNull();
    expect(row.after).toEqual({ username: 'new.secretary', displayName: '新书记', role: 'branch_secretary', branchId, active: true });
    expect(await login(db.db, 'new.secretary', 'first-password-1')).toMatchObject({ ok: true, userId: created.id });
  });

  it('two admins creating one username at once get one user and one audit row; the other is told the name is taken', async () => {
    const submitted = () => form({ username: 'twin', displayName: '同时创建', role: 'editor', password: 'long-enough-password' });
    const since = await lastAuditId(db.db);
    const outcomes = await asAdmin(() => Promise.all([submit(createUserAction, submitted()), submit(createUserAction, submitted())]));

    const twin = await userRow(db.db, 'twin');
    await expectOneAudit(db.db, since, { actor: admin, action: 'user.create', entityId: twin.id });
    expect(outcomes.filter((o) => o.kind === 'redirect')).toHaveLength(1);
    const loser = outcomes.find((o) => o.kind === 'state');
    expect(loser).toMatchObject({ kind: 'state', state: { ok: false, status: 409, fieldErrors: { username: ['该用户名已被使用。'] } } });
  });
});

describe('updating a user', () => {
  it('refuses a stale version with a conflict message and changes nothing', async () => {
    const target = await addUser(db.db, { username: 'stale-target', role: 'editor', displayName: '原名' });
    const stale = await editForm('stale-target', { displayName: '后来者' });
    const fresh = await editForm('stale-target', { displayName: '先来者' });
    expect(await asAdmin(() => stateOf(updateUserAction, fresh))).toMatchObject({ ok: true });

    const state = await expectRefused(updateUserAction, stale, { status: 409, message: '该用户已被他人修改，请刷新页面后再保存。' });
    expect(state.values).toMatchObject({ displayName: '后来者' });
    expect(await userRow(db.db, 'stale-target')).toMatchObject({ id: target.id, displayName: '先来者', version: 2 });
  });

  it('changes a role, audits before and after, and ends the user’s sessions', async () => {
    const target = await addUser(db.db, { username: 'role-change', role: 'editor', displayName: '换岗' });
    const sid = await openSession(db.db, 'role-change');
    const since = await lastAuditId(db.db);

    const submitted = await editForm('role-change', { role: 'auditor' });
    expect(await asAdmin(() => stateOf(updateUserAction, submitted))).toEqual({ ok: true, message: '用户信息已保存。' });

    const row = await expectOneAudit(db.db, since, { actor: admin, action: 'user.update', entityId: target.id });
    expect(row.before).toMatchObject({ role: 'editor', displayName: '换岗' });
    expect(row.after).toMatchObject({ role: 'auditor', displayName: '换岗' });
    expect(await loadSession(db.db, sid)).toBeNull();
  });

  it('does not let an admin change their own role, but lets them fix their own name', async () => {
    const state = await expectRefused(updateUserAction, await editForm('admin', { role: 'editor' }), { status: 403 });
    expect(state.fieldErrors).toEqual({ role: ['不能修改自己的角色或所属支部。'] });

    const rename = await editForm('admin', { displayName: '工委办公室 周明（改）' });
    expect(await asAdmin(() => stateOf(updateUserAction, rename))).toMatchObject({ ok: true });
    expect(await loadSession(db.db, admin.sessionId)).toMatchObject({ role: 'admin', displayName: '工委办公室 周明（改）' });
  });
});

describe('activating and deactivating', () => {
  it('does not let an admin deactivate their own account', async () => {
    await expectRefused(setUserActiveAction, form({ id: admin.id, active: 'false' }), { status: 403, message: '不能停用自己的账号。' });
    expect(await loadSession(db.db, admin.sessionId)).not.toBeNull();
  });

  it('deactivates another account with one audit row and ends its sessions', async () => {
    const target = await addUser(db.db, { username: 'leaver', role: 'auditor' });
    const sid = await openSession(db.db, 'leaver');
    const since = await lastAuditId(db.db);
    expect(await asAdmin(() => stateOf(setUserActiveAction, form({ id: target.id, active: 'false' })))).toEqual({
      ok: true,
      message: '账号已停用，该用户的登录会话已全部失效。',
    });
    const row = await expectOneAudit(db.db, since, { actor: admin, action: 'user.deactivate', entityId: target.id });
    expect([row.before, row.after]).toMatchObject([{ active: true }, { active: false }]);
    expect(await loadSession(db.db, sid)).toBeNull();
  });
});

describe('resetting a password', () => {
  it('generates a one-time password that signs in once shown, ends old sessions, and must be changed first', async () => {
    const target = await addUser(db.db, { username: 'admin2', role: 'admin' });
    const oldSessions = [await openSession(db.db, 'admin2'), await openSession(db.db, 'admin2')];
    const since = await lastAuditId(db.db);

    const state = await asAdmin(() => stateOf(resetPasswordAction, form({ id: target.id, mode: 'generate' })));
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining('admin2') });
    const oneTimePassword = state.data?.oneTimePassword ?? '';
    expect(oneTimePassword).toMatch(/^[a-zA-Z2-9]{14}$/);

    const row = await expectOneAudit(db.db, since, { actor: admin, action: 'user.reset_password', entityId: target.id });
    expect(row.after).toEqual({ mode: 'generate' });
    expect(JSON.stringify(row)).not.toContain(oneTimePassword);
    for (const sid of oldSessions) expect(await loadSession(db.db, sid)).toBeNull();

    expect(await login(db.db, 'admin2', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    const signedInAgain = await login(db.db, 'admin2', oneTimePassword);
    if (!signedInAgain.ok) throw new Error(`one-time password refused: ${signedInAgain.reason}`);
    const admin2 = (await loadSession(db.db, signedInAgain.sessionId))!;
    expect(admin2).toMatchObject({ username: 'admin2', mustChangePassword: true });

    // Until the password is changed, nothing else is allowed, not even to an admin.
    const blocked = await as(admin2, () => stateOf(createUserAction, form({ username: 'blocked-user', displayName: '被拦', role: 'editor', password: 'long-enough-password' })));
    expect(blocked).toEqual({ ok: false, status: 403, message: '请先修改管理员为您设置的初始密码。' });
    const changed = await as(admin2, () =>
      stateOf(changeOwnPasswordAction, form({ currentPassword: oneTimePassword, newPassword: 'admin2-own-password', confirmPassword: 'admin2-own-password' })),
    );
    expect(changed).toMatchObject({ ok: true });
    expect(await loadSession(db.db, admin2.sessionId)).toMatchObject({ mustChangePassword: false });
  });

  it('sets a chosen password only if it is long enough, never echoing it', async () => {
    const target = await addUser(db.db, { username: 'set-password', role: 'editor' });
    const state = await expectRefused(resetPasswordAction, form({ id: target.id, mode: 'set', password: 'short-pw' }), { status: 400 });
    expect(state.fieldErrors).toEqual({ password: ['密码至少需要 10 个字符。'] });
  });
});

describe('changing one’s own password', () => {
  let secretary: SessionUser;
  beforeAll(async () => {
    secretary = await signedIn(db.db, 'secretary');
  });

  const change = (values: Record<string, string>) => {
    const submitted = form(values);
    return as(secretary, async () => ({ state: await stateOf(changeOwnPasswordAction, submitted), submitted }));
  };

  it.each([
    [{ currentPassword: DEMO_PASSWORD, newPassword: 'too-short', confirmPassword: 'too-short' }, { newPassword: ['密码至少需要 10 个字符。'] }],
    [{ currentPassword: DEMO_PASSWORD, newPassword: 'brand-new-password', confirmPassword: 'brand-new-passwort' }, { confirmPassword: ['两次输入的新密码不一致。'] }],
    [{ currentPassword: '', newPassword: 'brand-new-password', confirmPassword: 'brand-new-password' }, { currentPassword: ['请输入当前密码。'] }],
  ])('refuses %o with %o and changes nothing', async (values, fieldErrors) => {
    const before = await accountsSnapshot(db.db);
    const { state, submitted } = await change(values);
    expect(state).toMatchObject({ ok: false, status: 400, fieldErrors });
    expectNoPasswordEcho(state, submitted);
    expect(await accountsSnapshot(db.db)).toEqual(before);
  });

  it('changes it, ends the user’s other sessions and keeps the current one', async () => {
    const other = await openSession(db.db, 'secretary');
    const since = await lastAuditId(db.db);

    const { state } = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'secretary-new-pw', confirmPassword: 'secretary-new-pw' });
    expect(state).toEqual({ ok: true, message: '密码已修改。您在其他设备上的登录已失效。' });

    await expectOneAudit(db.db, since, { actor: secretary, action: 'user.change_password', entityId: secretary.id });
    expect(await loadSession(db.db, other)).toBeNull();
    expect(await loadSession(db.db, secretary.sessionId)).toMatchObject({ username: 'secretary' });
    expect(await login(db.db, 'secretary', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(db.db, 'secretary', 'secretary-new-pw')).toMatchObject({ ok: true });
  });
});

describe('guessing the current password', () => {
  // A stolen session must not be a way to guess the password forever: the same limits as
  // sign-in, and each wrong guess leaves an attempt row and an audit row.
  let guesser: SessionUser;
  beforeAll(async () => {
    await addUser(db.db, { username: 'pw-guess', role: 'editor' });
    guesser = await signedIn(db.db, 'pw-guess');
  });
  beforeEach(() => db.db.delete(loginAttempts));

  const change = (currentPassword: string) =>
    as(guesser, () => stateOf(changeOwnPasswordAction, form({ currentPassword, newPassword: 'brand-new-password', confirmPassword: 'brand-new-password' })));
  const attempts = () => db.db.select().from(loginAttempts).where(eq(loginAttempts.usernameKey, 'pw-guess'));

  it('refuses a wrong one next to the field, records the attempt and an audit row, and changes nothing else', async () => {
    const before = await accountsSnapshot(db.db);
    const since = await lastAuditId(db.db);
    const state = await change('not-my-password');
    expect(state).toMatchObject({ ok: false, status: 400, fieldErrors: { currentPassword: ['当前密码不正确。'] } });
    expect(await attempts()).toMatchObject([{ succeeded: false, ip: '127.0.0.1', deviceId: null }]);
    const rows = await auditRowsAfter(db.db, since);
    expect(rows.map((r) => [r.action, r.actorName, r.entityId])).toEqual([['user.change_password_failed', 'pw-guess', String(guesser.id)]]);
    const after = await accountsSnapshot(db.db);
    expect({ ...after, audits: after.audits - 1 }).toEqual(before);
  });

  it(`locks after ${LOGIN_LIMITS.perAccount} wrong guesses: even the right password is refused, unverified, and sign-in is locked too`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect((await change(`wrong-${i}`)).status).toBe(400);
    const since = await lastAuditId(db.db);
    const state = await change(DEMO_PASSWORD);
    expect(state).toMatchObject({ ok: false, status: 429, message: `密码错误次数过多，请 ${LOGIN_LIMITS.windowMinutes} 分钟后再试。` });
    expect(await auditRowsAfter(db.db, since)).toEqual([]);
    expect(await attempts()).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(await verifyPassword((await userRow(db.db, 'pw-guess')).passwordHash, DEMO_PASSWORD)).toBe(true);
    // One account, one allowance: sign-in from an unknown browser is locked as well.
    expect(await login(db.db, 'pw-guess', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('keeping one active admin', () => {
  const activeAdmins = async () =>
    (await db.db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))))[0]!.n;

  it.each([
    ['deactivate', (id: number) => form({ id, active: 'false' }), setUserActiveAction],
    ['demote', (id: number, version: number) => form({ id, version, displayName: '互相降级', role: 'editor', branchId: '' }), updateUserAction],
  ] as const)('two admins who %s each other at the same moment leave one active admin', async (verb, submission, action) => {
    const other = await addUser(db.db, { username: `rival-${verb}`, role: 'admin' });
    const rival = await signedIn(db.db, other.username);
    const pair = [admin, rival] as const;
    await db.db.update(users).set({ active: false }).where(eq(users.username, 'admin2'));
    try {
      expect(await activeAdmins()).toBe(2);
      const versions = await Promise.all(pair.map(async (u) => (await userRow(db.db, u.username)).version));
      const outcomes = await beforeAnyCommits(db, 2, () =>
        Promise.all([
          as(admin, () => submit(action, submission(rival.id, versions[1]!))),
          as(rival, () => submit(action, submission(admin.id, versions[0]!))),
        ]),
      );
      expect(await activeAdmins()).toBe(1);
      const states = outcomes.map((o) => (o.kind === 'state' ? o.state : { ok: true })).sort((a, b) => Number(a.ok) - Number(b.ok));
      expect(states).toMatchObject([{ ok: false, status: 409, message: '系统中至少需要保留一名启用状态的管理员。' }, { ok: true }]);
    } finally {
      await db.db.update(users).set({ active: true, role: 'admin' }).where(eq(users.username, 'admin'));
      await db.db.update(users).set({ active: false }).where(eq(users.username, other.username));
      admin = await signedIn(db.db, 'admin');
    }
  });

  it('the guard itself refuses to deactivate or demote the last active admin, for any caller but that admin', async () => {
    // Through the actions the caller is always another active admin, so the command is asked
    // directly, as a maintenance script would: the rule lives in the command, not the form.
    await db.db.update(users).set({ active: false }).where(and(eq(users.role, 'admin'), ne(users.username, 'admin')));
    expect(await activeAdmins()).toBe(1);
    const maintenance: SessionUser = { ...admin, id: -1, username: 'maintenance', sessionId: crypto.randomUUID() };
    const asCommand = <T>(run: (ctx: ActionContext) => Promise<T>) =>
      db.db.transaction((tx) =>
        run({ tx, user: maintenance, audit: (entry) => appendAudit(tx, { id: null, name: 'maintenance', role: 'system' }, entry), authorizeTarget: () => {}, client: { ip: null, cookieHeader: null } }),
      );
    const before = await accountsSnapshot(db.db);
    const message = '系统中至少需要保留一名启用状态的管理员。';
    await expect(asCommand((ctx) => setUserActive(ctx, { id: admin.id, active: false }))).rejects.toMatchObject({ code: 'conflict', message });
    const { version } = await userRow(db.db, 'admin');
    await expect(asCommand((ctx) => updateUser(ctx, { id: admin.id, version, displayName: '降级', role: 'editor', branchId: null }))).rejects.toMatchObject({
      code: 'conflict',
      message,
    });
    expect(await accountsSnapshot(db.db)).toEqual(before);
  });
});

describe('the audit trail after all of the above', () => {
  it('verifies', async () => {
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: true });
  });
});
