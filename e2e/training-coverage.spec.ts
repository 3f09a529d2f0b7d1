import { expect, test } from '@playwright/test';
import { authFile } from './support/accounts';
import { scanBothWidths } from './support/a11y';

// Training coverage on the seeded demo (tasks/seed/demo-training.ts): in 2026 every secretary
// and committee member completed the rotation round but one secretary, who attended two of its
// five sessions. An auditor finds that secretary named and follows the figures to the sessions.

test.describe.configure({ timeout: 180_000 });
const slow = { timeout: 30_000 };

test.describe('as the auditor', () => {
  test.use({ storageState: authFile('auditor') });

  test('sees the one untrained secretary of 2026 named and drills down to the sessions attended', async ({ page }) => {
    await page.goto('/admin/training/coverage?year=2026');
    await expect(page.getByRole('heading', { level: 1, name: '培训覆盖情况' })).toBeVisible(slow);
    const tiles = page.getByRole('list', { name: '总体情况' });
    const secretaries = tiles.getByRole('listitem').filter({ hasText: '书记已轮训 / 应训' });
    const [trained, required] = ((await secretaries.locator('strong').textContent()) ?? '').split('/').map((s) => Number(s.trim()));
    expect(required).toBeGreaterThan(20);
    expect(trained).toBe(required! - 1);

    const named = page.getByRole('region', { name: /未参加轮训的书记（1 人）/ });
    await expect(named.getByRole('listitem')).toHaveCount(1);
    const name = ((await named.getByRole('link').textContent()) ?? '').trim();
    expect(name.length).toBeGreaterThan(1);
    await scanBothWidths(page);

    // The figure drills down to its people: the untrained list holds the same secretary.
    await tiles.getByRole('link', { name: '未参加轮训' }).click();
    await expect(page).toHaveURL(/show=untrained/, slow);
    const people = page.getByRole('table', { name: /未参加轮训/ });
    await expect(people.getByRole('link', { name })).toBeVisible();
    await scanBothWidths(page);

    // And the person to the sessions counted for them: two of the five rotation sessions.
    await people.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${name} 2026年学时明细` })).toBeVisible(slow);
    const items = page.getByRole('table', { name: /计入学时的培训课程/ });
    // (Other specs may add rounds of their own to the same people; count the demo round's rows.)
    await expect(items.getByRole('row').filter({ hasText: '2026年度全市机关基层党组织书记和支委轮训班' })).toHaveCount(2);
    await expect(items).toContainText('党的创新理论专题辅导');
    await expect(items).toContainText('结业计学时（网络课程等）');
    await scanBothWidths(page);
  });

  test('reads the training rules but cannot add a version', async ({ page }) => {
    await page.goto('/admin/rules');
    await expect(page.getByRole('heading', { level: 2, name: '党员教育培训规则' })).toBeVisible(slow);
    await expect(page.getByText('不少于 56 学时，其中至少参加一次轮训')).toBeVisible();
    await expect(page.getByRole('link', { name: '新增培训规则版本' })).toHaveCount(0);
  });
});

test.describe('as the admin', () => {
  test.use({ storageState: authFile('admin') });

  test('opens the new training rule form, gets a clear message for a past date, and the person page shows training', async ({ page }) => {
    await page.goto('/admin/rules/training/new');
    await expect(page.getByRole('heading', { level: 1, name: '新增培训规则版本' })).toBeVisible(slow);
    await expect(page.getByLabel('书记和委员每年最少学时')).toHaveValue('56');
    await page.getByLabel('规则名称').fill('测试培训规则');
    await page.getByLabel('依据').fill('测试文件');
    await page.getByLabel('生效日期').fill('2020-01-01');
    await page.getByRole('button', { name: '保存新版本' }).click();
    await expect(page.getByText(/生效日期须晚于今天/)).toBeVisible(slow);
    await scanBothWidths(page);

    await page.goto('/admin/training/coverage?year=2026&show=trained&role=secretary');
    await page.getByRole('table', { name: /已参加轮训/ }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: /2026年学时明细$/ })).toBeVisible(slow);
    await page.getByRole('link', { name: '人员详情（含培训经历）' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '培训经历' })).toBeVisible(slow);
    await expect(page.getByRole('table', { name: /参加的培训班/ })).toContainText('2026年度全市机关基层党组织书记和支委轮训班');
    await scanBothWidths(page);
  });
});
