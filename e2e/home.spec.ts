import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';

test('the home page shows the seeded news and passes an accessibility scan', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('江州机关党建');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('link', { name: '江州机关党建' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: '栏目导航' });
  for (const name of ['工作动态', '通知公告', '理论学习', '基层风采', '党风廉政', '专题专栏']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }
  // Each column block lists seeded articles, newest first, with Beijing dates.
  const workNews = page.getByRole('region', { name: '工作动态' });
  await expect(workNews.getByRole('listitem')).not.toHaveCount(0);
  await expect(workNews.getByRole('listitem').first().locator('time')).toHaveText(/^20\d\d-\d\d-\d\d$/);
  await expect(page.getByText('本栏目暂无文章')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '精品党课' })).toBeVisible();

  await expectNoSeriousA11yViolations(page);
});

test('the health check reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('an unknown address shows a Chinese 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
