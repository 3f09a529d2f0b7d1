import { type Browser, expect, test } from '@playwright/test';
import { authFile, DEMO_PASSWORD, uniqueUsername } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { AdminShell, LoginPage, UsersPage } from './support/pages';

// What an outside probe of the running portal found, checked from outside again: the server
// (server.ts) is the one `npm start` runs, so these requests meet exactly what a visitor meets.

const fresh = { storageState: { cookies: [], origins: [] } };

async function signInAs(browser: Browser, username: string, password: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ ...fresh, ...options });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
  return { context, page, login };
}

/**
 * One sign-in attempt, waiting for its answer and for React to reset the form after it (the
 * password field empties): a fill made before that reset would be wiped, and the next attempt
 * would go out empty. The form shows the same message after each attempt, so the message alone
 * can't tell one answer from the next.
 */
async function submitAndWait(login: LoginPage, username: string, password: string) {
  const answered = login.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
  await login.signIn(username, password);
  await answered;
  await expect(login.password).toHaveValue('');
  await expect(login.submit).toBeEnabled();
}

test.describe('signed in as admin', () => {
  test.use({ storageState: authFile('admin') });

  test('a next= that normalizes to another host ends on a path of this site', async ({ request }) => {
    for (const next of ['%2F.%2F%2Fevil.com', '/..//evil.com', '/%2e//evil.com', '/a/..//evil.com', '/.%2F%5Cevil.com']) {
      const response = await request.get(`/login?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(307);
      const location = response.headers().location!;
      expect(location, next).not.toMatch(/^(\/\/|\/\\|[a-z]+:)/i);
      expect(new URL(location, 'http://localhost').host, next).toBe('localhost');
    }
  });

  test('the audit trail stores the socket address, not what X-Forwarded-For claims', async ({ browser, page }) => {
    const { context } = await signInAs(browser, 'editor', DEMO_PASSWORD, { extraHTTPHeaders: { 'X-Forwarded-For': '6.6.6.6' } });
    await context.close();
    await page.goto('/admin/audit?action=auth.login&actor=editor');
    const newest = page.getByRole('table').getByRole('row').nth(1);
    await expect(newest).toContainText('auth.login');
    await expect(newest.getByRole('cell').nth(5)).toHaveText(/^(127\.0\.0\.1|::1)$/);
    await expect(page.getByRole('table')).not.toContainText('6.6.6.6');
  });

  test('guesses from elsewhere lock unknown browsers out, never the owner’s browser', async ({ browser, page }) => {
    const username = uniqueUsername('e2e-owner');
    const password = 'owner-pass-1234';
    await new UsersPage(page).createUser({ username, displayName: `设备 ${username.slice(-6)}`, roleLabel: '宣传编辑', password });

    // The owner signs in once on their own browser, which keeps a device cookie, and leaves.
    const owner = await signInAs(browser, username, password);
    await expect(owner.page).toHaveURL(/\/admin(\/account\/password)?$/);
    expect((await owner.context.cookies()).map((c) => c.name)).toContain('portal-device');
    await new AdminShell(owner.page).signOut();

    // An attacker elsewhere guesses until the account is locked for unknown browsers.
    const attacker = await browser.newContext(fresh);
    const attackerPage = await attacker.newPage();
    const attackerLogin = new LoginPage(attackerPage);
    await attackerLogin.goto();
    for (let i = 0; i < 5; i++) {
      await submitAndWait(attackerLogin, username, `guess-${i}`);
      await expect(attackerLogin.message).toHaveText('用户名或密码错误。');
    }
    await submitAndWait(attackerLogin, username, password);
    await expect(attackerLogin.message).toHaveText(/登录失败次数过多/);
    await attacker.close();

    // The owner's browser has its own allowance and signs in.
    await owner.login.goto();
    await owner.login.signIn(username, password);
    await expect(owner.page).toHaveURL(/\/admin(\/account\/password)?$/);
    await owner.context.close();
  });
});

test('Auth.js’s own sign-out ends the session on the server, and its pages lead to ours', async ({ browser }) => {
  const { context, page } = await signInAs(browser, 'auditor', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  const cookies = await context.cookies();
  expect((await context.request.get('/admin/audit/export')).status()).toBe(200);

  // GET /api/auth/signout: our Chinese page, which signs out by POST.
  await page.goto('/api/auth/signout');
  await expect(page).toHaveURL(/\/logout$/);
  await expect(page.getByRole('heading', { level: 1, name: '退出登录' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // POST /api/auth/signout, as Auth.js's own form would send it.
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const out = await context.request.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 });
  expect(out.status()).toBeLessThan(400);

  const replay = await browser.newContext(fresh);
  await replay.addCookies(cookies);
  const exported = await replay.request.get('/admin/audit/export');
  expect(exported.status()).toBe(401);
  await replay.close();

  // Signed out, the sign-out page and Auth.js's sign-in page lead to the login page.
  for (const path of ['/logout', '/api/auth/signout', '/api/auth/signin']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login(\?|$)/);
  }
  await context.close();
});

test.describe('hostile input answers 4xx with the usual headers, never 500', () => {
  const expectUsualHeaders = (headers: Record<string, string>) => {
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
  };

  test('broken percent-escapes in the path: 400 with a Chinese page', async ({ request }) => {
    for (const path of ['/articles/%ZZ', '/foo%ZZbar', '/%ED%A0%80', '/columns/%E0%A4%A/feed.xml', '/admin/users/%ZZ']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toContain('请求地址有误');
      expectUsualHeaders(response.headers());
    }
  });

  test('a hostile callback cookie, a hostile scheme header, a foreign server action, an oversized upload', async ({ request }) => {
    const session = await request.get('/api/auth/session', { headers: { cookie: 'authjs.callback-url=javascript:alert(1)' } });
    expect(session.status()).toBe(200);

    const login = await request.get('/login', { headers: { 'X-Forwarded-Proto': 'javascript' } });
    expect(login.status()).toBe(200);
    await expect(login.text()).resolves.toContain('登录管理后台');

    const foreign = await request.post('/login', { headers: { 'Next-Action': '00'.repeat(21), Origin: 'http://evil.com', 'Content-Type': 'text/plain' }, data: '[]' });
    expect(foreign.status()).toBe(403);
    expectUsualHeaders(foreign.headers());

    const big = await request.post('/admin/media', { headers: { 'Next-Action': '00'.repeat(21), 'Content-Type': 'application/octet-stream' }, data: Buffer.alloc(26 * 1024 * 1024) });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain('上传内容过大');
  });

  test('every URL pattern with malformed escapes, hostile headers and cookies: no 500', async ({ request }) => {
    const patterns = ['/', '/columns/work-news', '/columns/work-news?page=2', '/articles/2025-01-annual-party-building-conference', '/search?q=党课', '/about', '/feed.xml', '/sitemap.xml', '/login', '/logout', '/admin', '/admin/articles', '/admin/audit', '/api/health', '/api/auth/session', '/api/auth/csrf', '/api/auth/providers', '/api/admin/media', '/media/x.webp', '/attachments/1'];
    const variants: Array<{ name: string; path: (p: string) => string; headers?: Record<string, string> }> = [
      { name: 'plain', path: (p) => p },
      { name: 'broken escape', path: (p) => `${p.split('?')[0]!.replace(/\/$/, '')}/%ZZ` },
      { name: 'broken query escape', path: (p) => `${p}${p.includes('?') ? '&' : '?'}q=%E0%A4&page=%ZZ` },
      { name: 'forwarded headers', path: (p) => p, headers: { 'X-Forwarded-Proto': 'javascript', 'X-Forwarded-Host': 'evil.com/<x>', 'X-Forwarded-For': "'; drop table", 'X-Real-IP': 'x' } },
      { name: 'cookies', path: (p) => p, headers: { cookie: 'authjs.session-token=garbage; authjs.callback-url=javascript:alert(1); authjs.csrf-token=%ZZ; portal-device=a.b.c' } },
    ];
    const failures: string[] = [];
    for (const pattern of patterns) {
      for (const variant of variants) {
        const response = await request.get(variant.path(pattern), { headers: variant.headers, maxRedirects: 0 });
        if (response.status() >= 500) failures.push(`${variant.name} ${variant.path(pattern)} → ${response.status()}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

