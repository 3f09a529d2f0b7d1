import { expect, type Page, test } from '@playwright/test';
import { authFile } from './support/accounts';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/a11y';

// The public lecture pages: from the home page to a showcase lecture and its lecturer in two
// clicks; the catalog filtered by theme; the lists and the hall. Then an admin publishes a lecture.

async function readerJourney(page: Page, checkLayout: (page: Page) => Promise<void>) {
  await page.goto('/');
  const teaser = page.getByRole('region', { name: /年度精品党课/ });
  const showcase = teaser.getByRole('listitem').first();
  const title = (await showcase.locator('a.lecture-title').textContent())!.trim();
  const lecturer = (await showcase.getByRole('link').nth(1).textContent())!.trim();
  await showcase.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await checkLayout(page);
  await page.getByRole('main').getByText('主讲：').getByRole('link', { name: lecturer }).click();
  await expect(page.getByRole('heading', { level: 1, name: lecturer })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();
  await checkLayout(page);

  await page.goto('/lectures');
  await expect(page.getByRole('heading', { level: 1, name: '党课菜单' })).toBeVisible();
  await checkLayout(page);
  const filters = page.getByRole('search', { name: '筛选党课' });
  await filters.getByLabel('主题').selectOption({ label: '廉洁文化' });
  await filters.getByRole('button', { name: '筛选' }).click();
  // A GET form sends its empty fields too: /lectures?q=&theme=integrity&format=…
  await expect(page).toHaveURL(/\/lectures\?(.*&)?theme=integrity(&|$)/);
  await expect(page.getByRole('heading', { name: /符合条件的党课 \d+ 节/ })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: '铁军精神在江州：新四军抗战往事' })).toHaveCount(0);
  await checkLayout(page);
  await page.getByRole('main').getByRole('link', { name: '清风江州：廉洁文化情景党课' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '清风江州：廉洁文化情景党课' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '课程提纲' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '如何预约' })).toBeVisible();
  await page.getByRole('main').getByText('主讲：').getByRole('link', { name: '邵建业' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '邵建业' })).toBeVisible();
  // The pool's contact details never reach a public page.
  await expect(page.getByText(/0513-8012|@jz-organs/)).toHaveCount(0);
  await checkLayout(page);

  await page.goto('/lecturers');
  await expect(page.getByRole('heading', { level: 1, name: /年度百名党课讲师$/ })).toBeVisible();
  await checkLayout(page);
  await page.goto('/lectures/hall');
  await expect(page.getByRole('heading', { level: 2, name: '往期回顾' })).toBeVisible();
  await expect(page.locator('main a[href="/articles/2025-05-monday-lecture-founding-spirit"]')).toBeVisible();
  await checkLayout(page);
}

test('a reader reaches a showcase lecture and its lecturer, and filters the catalog by theme', async ({ page }) => {
  await readerJourney(page, expectNoSeriousA11yViolations);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('every lecture page fits the screen and stays accessible', async ({ page }) => {
    await readerJourney(page, async (p) => {
      await expectNoHorizontalOverflow(p);
      await expectNoSeriousA11yViolations(p);
    });
  });
});

test.describe('an admin', () => {
  test.use({ storageState: authFile('admin') });

  test('publishes a lecture, which then shows in the public catalog', async ({ page }) => {
    const title = '党内法规学习要点';
    await page.goto('/admin/lectures');
    await expect(page.getByRole('heading', { level: 1, name: '党课菜单' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const response = await page.request.get(`/lectures?q=${encodeURIComponent('法规学习')}`);
    expect(await response.text()).not.toContain(title);

    await page.getByRole('button', { name: `公开：${title}` }).click();
    await expect(page.getByRole('button', { name: `撤下：${title}` })).toBeVisible();
    await page.goto(`/lectures?q=${encodeURIComponent('法规学习')}`);
    await expect(page.getByRole('main').getByRole('link', { name: title })).toBeVisible();

    await page.goto('/admin/lecturers');
    await expect(page.getByRole('heading', { level: 1, name: '讲师库' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('reads the pool and the catalog as cards on a 375 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ['/admin/lecturers', '/admin/lectures', '/admin/lectures/new']) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
      await expectNoSeriousA11yViolations(page);
    }
  });
});
