import { type Browser, expect, type Page, test } from '@playwright/test';
import { authFile } from './support/accounts';
import { scanBothWidths } from './support/a11y';

// The organization tree and the roster: an admin moves a branch and its records and people
// follow; a secretary sees only their subtree; reading a person's page is audited; every page
// passes axe at desktop and phone width.

// Each journey scans several pages twice (two widths) on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

/** Axe at 1280 px and at 375 px (where lists become cards and nothing may scroll sideways). */

/** The node page of the branch with `code`, opened from the tree's search. */
async function openNode(page: Page, code: string): Promise<number> {
  await page.goto(`/admin/branches?q=${encodeURIComponent(code)}`);
  const row = page.locator('li').filter({ has: page.getByText(code, { exact: true }) }).last();
  await row.getByRole('link').first().click();
  await page.waitForURL(/\/admin\/branches\/\d+$/);
  await expect(page.locator('dd').getByText(code, { exact: true })).toBeVisible();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

const numberIn = async (page: Page, term: string, pattern: RegExp) => {
  const text = await page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText();
  return Number(pattern.exec(text)![1]);
};

async function moveTo(page: Page, parentCode: string) {
  await page.getByText('移动到其他上级组织').click();
  const select = page.getByLabel('新的上级组织');
  const value = await select.locator('option', { hasText: `（${parentCode}）` }).getAttribute('value');
  await select.selectOption(value!);
  await page.getByRole('button', { name: '移动', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '组织已移动到新的上级组织之下' })).toBeVisible();
}

async function withRole<T>(browser: Browser, role: 'admin' | 'secretary', run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: authFile(role), locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test.describe('as the admin', () => {
  test.use({ storageState: authFile('admin') });

  test('the tree shows counts from the roster; a moved branch takes its records and people to its new parent', async ({ page }) => {
    await page.goto('/admin/branches');
    await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /共 \d+ 个组织/ })).toBeVisible();
    await expect(page.getByRole('main').getByText(/^\d+ 人/).first()).toBeVisible();
    await scanBothWidths(page);

    const u03 = await openNode(page, 'U03');
    const u03Records = await numberIn(page, '组织生活记录', /(\d+) 条/);
    const u03People = await numberIn(page, '人数', /含下级组织共 (\d+) 人/);

    const b2 = await openNode(page, 'U01-B2');
    const b2Name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const b2Records = await numberIn(page, '组织生活记录', /(\d+) 条/);
    const b2People = await numberIn(page, '人数', /含下级组织共 (\d+) 人/);
    expect(b2Records).toBeGreaterThan(0);
    expect(b2People).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: '委员会', exact: true })).toBeVisible();
    await scanBothWidths(page);

    // A move under one of its own… none is offered; the allowed parents are.
    await moveTo(page, 'U03');
    try {
      await expect(page.getByRole('navigation', { name: '上级组织' })).toContainText('中共江州市');
      await page.goto(`/admin/branches/${u03}`);
      await expect(page.getByRole('region', { name: '下级组织' }).getByRole('link', { name: b2Name })).toBeVisible();
      expect(await numberIn(page, '组织生活记录', /(\d+) 条/)).toBe(u03Records + b2Records);
      expect(await numberIn(page, '人数', /含下级组织共 (\d+) 人/)).toBe(u03People + b2People);

      await page.goto(`/admin/people?branchId=${u03}`);
      await expect(page.getByRole('status').filter({ hasText: `共 ${u03People + b2People} 人` })).toBeVisible();
      await expect(page.getByRole('link', { name: b2Name }).first()).toBeVisible();
    } finally {
      // Put it back, so other journeys on the same demo see the seeded tree.
      await page.goto(`/admin/branches/${b2}`);
      await moveTo(page, 'U01');
    }
  });

  test('the roster masks phones; opening a person is recorded in the audit trail', async ({ page }) => {
    await page.goto('/admin/people');
    await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
    const phones = await page.getByRole('cell').filter({ hasText: /\d{3}\*{4}\d{4}/ }).count();
    expect(phones).toBeGreaterThan(0);
    await expect(page.getByRole('main').getByText(/^1\d{10}$/)).toHaveCount(0);
    await scanBothWidths(page);

    const first = page.getByRole('table').getByRole('row').nth(1).getByRole('link').first();
    const name = (await first.innerText()).trim();
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('您的查看已记入审计日志')).toBeVisible();
    await expect(page.locator('dd').filter({ hasText: /^1\d{10}$/ })).toHaveCount(1);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await scanBothWidths(page);

    await page.goto(`/admin/audit?entityType=person&entityId=${id}&action=person.read`);
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('person.read');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('admin');
  });
});

test.describe('as the secretary of U01-B1', () => {
  test.use({ storageState: authFile('secretary') });

  test('sees only their own subtree, and gets 403 for a node or person of another unit', async ({ page, browser }) => {
    const { u02, outsider } = await withRole(browser, 'admin', async (admin) => {
      const node = await openNode(admin, 'U02');
      await admin.goto(`/admin/people?branchId=${node}`);
      const href = await admin.getByRole('table').getByRole('row').nth(1).getByRole('link').first().getAttribute('href');
      return { u02: node, outsider: href! };
    });

    await page.goto('/admin/branches');
    await expect(page.getByRole('status')).toHaveText('共 2 个组织');
    await expect(page.getByText('U01-B1', { exact: true })).toBeVisible();
    await expect(page.getByText('U02', { exact: true })).toHaveCount(0);
    await scanBothWidths(page);

    const refused = await page.goto(`/admin/branches/${u02}`);
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: '没有访问权限' })).toBeVisible();
    const person = await page.goto(outsider);
    expect(person?.status()).toBe(403);

    await page.goto('/admin/people');
    await expect(page.getByRole('status').filter({ hasText: /共 \d+ 人/ })).toBeVisible();
    const branches = await page.getByRole('table').getByRole('row').locator('td[data-label="所在组织"]').allInnerTexts();
    expect(branches.length).toBeGreaterThan(0);
    expect(branches.every((b) => b.includes('第一党支部'))).toBe(true);
  });
});
