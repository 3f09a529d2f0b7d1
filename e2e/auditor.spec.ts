import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { authFile, demoAccounts } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { AdminShell, UsersPage } from './support/pages';

test.use({ storageState: authFile('auditor') });

const WRITE_CONTROLS = ['保存', '新建用户', '设置新密码', '生成一次性密码', '停用账号', '启用账号'];

/** The auditor reads: no write control anywhere, and the only buttons are search and filter. */
async function expectReadOnly(page: Page) {
  for (const name of WRITE_CONTROLS) {
    await expect(page.getByRole('button', { name }), name).toHaveCount(0);
    await expect(page.getByRole('link', { name }), name).toHaveCount(0);
  }
  const buttons = await page.getByRole('main').getByRole('button').allTextContents();
  expect(buttons.filter((b) => !['搜索', '筛选'].includes(b.trim()))).toEqual([]);
  await expect(page.getByRole('main').locator('input[type=password]')).toHaveCount(0);
}

test('the auditor reads users and the audit trail, verifies the chain and exports CSV, changing nothing', async ({ page }) => {
  await page.goto('/admin/users');
  await new AdminShell(page).expectSignedInAs(demoAccounts.auditor.displayName, demoAccounts.auditor.roleLabel);
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  const users = new UsersPage(page);
  await expect(users.row('admin')).toBeVisible();
  await expectReadOnly(page);
  await expectNoSeriousA11yViolations(page);

  await users.search('admin');
  await expect(users.row('admin')).toContainText('工委管理员');
  await expect(users.row('editor')).toHaveCount(0);

  // Another user's page: for an administrator it would hold the edit, reset and deactivate forms.
  await users.row('admin').getByRole('link', { name: 'admin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${demoAccounts.admin.displayName}（admin）` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('工委管理员');
  await expect(page.getByRole('heading', { name: '编辑信息' })).toHaveCount(0);
  await expectReadOnly(page);
  await expectNoSeriousA11yViolations(page);

  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /全部记录共 \d+ 条/ })).toBeVisible();
  await expectReadOnly(page);
  await expectNoSeriousA11yViolations(page);

  const firstRow = page.getByRole('table').getByRole('row').nth(1);
  const action = (await firstRow.getByRole('cell').nth(3).textContent())!.trim();
  await firstRow.getByRole('link', { name: /查看/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^审计记录 #\d+$/ })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(action);
  await expect(page.getByText('本条内容与哈希一致')).toBeVisible();
  await expectReadOnly(page);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: '核验整条审计链' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '核验审计链' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '审计链完整' })).toHaveText(/^审计链完整：共 \d+ 条记录，校验通过$/);
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expectReadOnly(page);
  await expectNoSeriousA11yViolations(page);

  await page.goto('/admin/audit');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /^导出 CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('时间,操作人,角色,操作,对象类型,对象ID,IP,变更前,变更后,哈希');
  expect(csv).toContain('auth.login');
});
