import { expect, test } from '@playwright/test';
import { authFile, DEMO_PASSWORD, demoAccounts, type DemoRole } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { AdminShell, LoginPage } from './support/pages';

const BRANCH_MENU = ['工作台', '组织架构', '党员名册', '发展党员', '培训', '组织生活记录', '落实情况', '审核', '明察暗访', '送课预约', '大讲堂', '修改密码', '返回门户'];
const SECRETARY_FORBIDDEN = ['/admin/users', '/admin/audit', '/admin/audit/verify', '/admin/users/new', '/admin/articles', '/admin/media', '/admin/columns', '/admin/rules', '/admin/inspections/new', '/admin/rules/development/new', '/admin/hall/new', '/admin/seasons', '/admin/training/rounds/new'];

// What each role sees in the admin menu, and admin pages it must be refused.
const expectations: Record<DemoRole, { menu: string[]; forbidden: string[] }> = {
  admin: { menu: ['工作台', '文章管理', '栏目管理', '媒体库', '组织架构', '党员名册', '发展党员', '培训', '组织生活记录', '落实情况', '审核', '明察暗访', '党课菜单', '讲师库', '四季送课', '送课预约', '大讲堂', '规则设置', '用户管理', '审计日志', '修改密码', '返回门户'], forbidden: ['/admin/inspections/new'] },
  auditor: {
    menu: ['工作台', '文章管理', '组织架构', '党员名册', '发展党员', '培训', '组织生活记录', '落实情况', '审核', '明察暗访', '送课预约', '大讲堂', '规则设置', '用户管理', '审计日志', '修改密码', '返回门户'],
    forbidden: ['/admin/users/new', '/admin/articles/new', '/admin/columns', '/admin/media', '/admin/records/new', '/admin/rules/development/new', '/admin/hall/new', '/admin/seasons', '/admin/bookings/new'],
  },
  editor: {
    menu: ['工作台', '文章管理', '媒体库', '修改密码', '返回门户'],
    forbidden: ['/admin/users', '/admin/audit', '/admin/audit/verify', '/admin/users/new', '/admin/columns', '/admin/branches', '/admin/people', '/admin/records', '/admin/compliance', '/admin/rules', '/admin/reviews', '/admin/inspections', '/admin/development', '/admin/hall', '/admin/bookings', '/admin/seasons', '/admin/training'],
  },
  secretary: { menu: BRANCH_MENU, forbidden: SECRETARY_FORBIDDEN },
  secretary2: { menu: BRANCH_MENU, forbidden: SECRETARY_FORBIDDEN },
};

for (const [role, { menu, forbidden }] of Object.entries(expectations) as [DemoRole, (typeof expectations)[DemoRole]][]) {
  test(`${role} signs in through the form and sees its name, role and menu`, async ({ page }) => {
    // It opens every page of the role's menu (twenty for an admin) with an accessibility scan on
    // each: the time allowed grows with the menu.
    test.setTimeout(Math.max(180_000, menu.length * 15_000));
    const account = demoAccounts[role];
    const login = new LoginPage(page);
    await login.goto();
    await expectNoSeriousA11yViolations(page);
    await login.signIn(account.username, DEMO_PASSWORD);

    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    const shell = new AdminShell(page);
    await shell.expectSignedInAs(account.displayName, account.roleLabel);
    await shell.expectMenu(menu);
    await expect(page.getByRole('main')).toContainText(`您的角色是“${account.roleLabel}”`);
    await expectNoSeriousA11yViolations(page);

    // Every menu entry inside the admin area opens its page.
    for (const label of menu.filter((l) => l !== '工作台' && l !== '返回门户')) {
      await shell.menu.getByRole('link', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
      await shell.expectSignedInAs(account.displayName, account.roleLabel);
      await expectNoSeriousA11yViolations(page);
    }
  });

  if (forbidden.length === 0) continue;

  test.describe(() => {
    test.use({ storageState: authFile(role) });

    test(`${role} is shown the 403 page for admin pages it may not use`, async ({ page }) => {
      test.slow();
      for (const path of forbidden) {
        const response = await page.goto(path);
        expect.soft(response?.status(), `HTTP status of ${path}`).toBe(403);
        await expect(page.getByRole('heading', { level: 1, name: '没有访问权限' })).toBeVisible();
        await new AdminShell(page).expectSignedInAs(demoAccounts[role].displayName, demoAccounts[role].roleLabel);
        await expectNoSeriousA11yViolations(page);
      }
      if (forbidden.includes('/admin/audit')) {
        const csv = await page.request.get('/admin/audit/export');
        expect(csv.status()).toBe(403);
        expect(await csv.text()).not.toContain('哈希');
      }
    });
  });
}

test('a wrong password is refused on the login page, keeping the user name', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('editor', 'not-the-password');

  await expect(login.message).toHaveText('用户名或密码错误。');
  await expect(page).toHaveURL(/\/login$/);
  await expect(login.username).toHaveValue('editor');
  await expect(login.password).toHaveValue('');
  await expectNoSeriousA11yViolations(page);

  // Nothing was signed in by the attempt.
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
});

test('a signed-out visitor is sent to the login page and comes back to the page asked for', async ({ page }) => {
  const response = await page.goto('/admin/users');
  expect(response?.ok()).toBe(true);
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);

  const login = new LoginPage(page);
  await login.signIn('admin', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a `next` address on another host leads to the workbench instead', async ({ page }) => {
  const login = new LoginPage(page);
  for (const query of ['?next=https://evil.example/', `?next=${encodeURIComponent('//evil.example/admin')}`]) {
    await page.context().clearCookies();
    await login.goto(query);
    await login.signIn('admin', DEMO_PASSWORD);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  }
});
