import { expect, test } from '@playwright/test';
import { authFile, uniqueUsername } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { AdminShell, LoginPage, UsersPage } from './support/pages';

test.use({ storageState: authFile('admin') });

test('the admin creates a user, is told about a short password, finds, deactivates and audits them', async ({ page }) => {
  test.slow();
  const username = uniqueUsername('e2e');
  const displayName = `测试用户 ${username.slice(-6)}`;
  const users = new UsersPage(page);

  await page.goto('/admin/users');
  await page.getByRole('link', { name: '新建用户' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新建用户' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Not the role the form starts with, so a form that falls back to its default is caught.
  await users.fillNewUser({ username, displayName, roleLabel: '纪检督查', password: 'short' });
  await page.getByRole('button', { name: '保存' }).click();
  const password = page.getByLabel('初始密码', { exact: true });
  await expect(page.getByText('密码至少需要 10 个字符。')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/密码至少需要 10 个字符。/);
  await expect(page.locator('form').getByRole('status')).toHaveText('请检查标出的内容。');
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
  // What was typed survives, except the password, which is never sent back.
  await expect(page.getByLabel('用户名', { exact: true })).toHaveValue(username);
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue(displayName);
  await expect.soft(page.getByLabel('角色', { exact: true }), 'the role chosen before the refused save').toHaveValue('auditor');
  await expect(password).toHaveValue('');
  await expectNoSeriousA11yViolations(page);

  await password.fill('a-good-password-1');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+\?created=1$/);
  const userId = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByRole('heading', { level: 1, name: `${displayName}（${username}）` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '用户已创建。' })).toBeVisible();
  await expect.soft(page.getByRole('definition').first(), 'the role the user was created with').toHaveText('纪检督查');
  await expectNoSeriousA11yViolations(page);

  await page.goto('/admin/users');
  await users.search(username);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(users.row(username)).toContainText(displayName);
  await expect(users.row(username)).toContainText('启用');
  await expect(users.row(username)).toContainText('从未登录');

  await users.row(username).getByRole('link', { name: username, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${userId}$`));
  await page.getByRole('button', { name: '停用账号' }).click();
  await expect(page.getByText('账号已停用，该用户的登录会话已全部失效。')).toBeVisible();
  await expect(page.getByRole('button', { name: '启用账号' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^已停用$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto('/admin/users');
  await users.search(username);
  await expect(users.row(username)).toContainText('已停用');

  // The trail holds both changes, made by the admin, on this user.
  await page.goto(`/admin/audit?entityType=user&entityId=${userId}`);
  await expect(page.getByRole('status').filter({ hasText: '符合条件的记录共 2 条' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'user.create' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'user.deactivate' })).toHaveCount(1);
  for (const action of ['user.create', 'user.deactivate']) {
    await expect(rows.filter({ hasText: action })).toContainText(`user #${userId}`);
    await expect(rows.filter({ hasText: action })).toContainText('admin');
  }
  await expectNoSeriousA11yViolations(page);

  await rows.filter({ hasText: 'user.create' }).getByRole('link', { name: /查看/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^审计记录 #\d+$/ })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(username);
  await expect(page.getByRole('main')).not.toContainText('a-good-password-1');
  await expectNoSeriousA11yViolations(page);
});

test('a user with a password set by the admin must change it before using other pages', async ({ page, browser }) => {
  const username = uniqueUsername('e2e-temp');
  const displayName = `临时密码 ${username.slice(-6)}`;
  const initialPassword = 'initial-pass-123';
  const newPassword = 'my-own-secret-456';
  // An auditor may read 用户管理, so the page is refused only until the password is changed.
  await new UsersPage(page).createUser({ username, displayName, roleLabel: '纪检督查', password: initialPassword });

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const them = await context.newPage();
    const login = new LoginPage(them);
    await login.goto();
    await login.signIn(username, initialPassword);
    await expect(them).toHaveURL(/\/admin$/);
    await new AdminShell(them).expectSignedInAs(displayName, '纪检督查');
    await expect(them.getByRole('status').filter({ hasText: '您正在使用管理员设置的密码' })).toBeVisible();

    for (const path of ['/admin/users', '/admin/audit']) {
      await them.goto(path);
      await expect(them, path).toHaveURL(/\/admin\/account\/password$/);
      await expect(them.getByRole('heading', { level: 1, name: '修改密码' })).toBeVisible();
    }
    await expect(them.getByRole('status').filter({ hasText: '请先修改为只有您知道的新密码' })).toBeVisible();
    await expectNoSeriousA11yViolations(them);

    await them.getByLabel('当前密码', { exact: true }).fill(initialPassword);
    await them.getByLabel('新密码', { exact: true }).fill(newPassword);
    await them.getByLabel('再次输入新密码', { exact: true }).fill(newPassword);
    await them.getByRole('button', { name: '修改密码' }).click();
    await expect(them.getByText('密码已修改。')).toBeVisible();

    await them.goto('/admin/users');
    await expect(them).toHaveURL(/\/admin\/users$/);
    await expect(them.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
    await them.goto('/admin');
    await expect(them.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    await expect(them.getByText('您正在使用管理员设置的密码')).toHaveCount(0);
    await expectNoSeriousA11yViolations(them);

    // The new password is the one that signs in now.
    await new AdminShell(them).signOut();
    await login.signIn(username, initialPassword);
    await expect(login.message).toHaveText('用户名或密码错误。');
    await login.password.fill(newPassword);
    await login.submit.click();
    await expect(them).toHaveURL(/\/admin$/);
  } finally {
    await context.close();
  }
});
