import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { AdminShell, LoginPage } from './support/pages';

// Signs in on its own: signing out ends the session on the server, which must not touch the
// sessions the other specs share.
test('signing out ends the session, and its old cookie no longer opens the admin area', async ({ page, browser }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('secretary', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toContain('authjs.session-token');

  await new AdminShell(page).signOut();
  await expect(page.getByRole('heading', { level: 1, name: '登录管理后台' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);

  // Replaying the cookie from before sign-out: the server has revoked the session.
  const replay = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    await replay.addCookies(cookies);
    const old = await replay.newPage();
    await old.goto('/admin');
    await expect(old).toHaveURL(/\/login(\?|$)/);
    await expect(old.getByRole('heading', { level: 1, name: '登录管理后台' })).toBeVisible();
    await expect(old.getByRole('button', { name: '退出登录' })).toHaveCount(0);
    await old.goto('/admin/account/password');
    await expect(old).toHaveURL(/\/login(\?|$)/);
  } finally {
    await replay.close();
  }
});
