import { expect, type Page, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/a11y';

// A reader's journey: home → column → article → search for a phrase of it → find it again.
async function readerJourney(page: Page, checkLayout: (page: Page) => Promise<void>) {
  await page.goto('/');
  await checkLayout(page);

  await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '基层风采' }).click();
  await expect(page).toHaveURL(/\/columns\/branch-showcase$/);
  await expect(page.getByRole('heading', { level: 1, name: '基层风采' })).toBeVisible();
  await expect(page.getByText(/^共 \d+ 篇/)).toBeVisible();
  await checkLayout(page);

  const firstArticle = page.getByRole('main').getByRole('heading', { level: 2 }).first().getByRole('link');
  const title = (await firstArticle.textContent())!.trim();
  await firstArticle.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '基层风采' })).toBeVisible();
  await expect(page.getByText(/发布时间：20\d\d-\d\d-\d\d \d\d:\d\d/)).toBeVisible();
  await expect(page.getByRole('img', { name: '本文网址二维码' })).toBeVisible();
  await checkLayout(page);

  // Search for a phrase taken from the article's own title.
  const phrase = Array.from(title.replace(/[^\u4e00-\u9fff]/g, '')).slice(0, 4).join('');
  const search = page.getByRole('search').first();
  await search.getByRole('searchbox').fill(phrase);
  await search.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { name: new RegExp(`找到 \\d+ 条与“${phrase}”相关的结果`) })).toBeVisible();
  const hit = page.getByRole('main').getByRole('link', { name: title });
  await expect(hit).toBeVisible();
  await expect(page.locator('mark', { hasText: phrase }).first()).toBeVisible();
  await checkLayout(page);
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a reader goes from the home page to an article and finds it again by search', async ({ page }) => {
  await readerJourney(page, expectNoSeriousA11yViolations);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('every page of the journey fits the screen and stays accessible', async ({ page }) => {
    await readerJourney(page, async (p) => {
      await expectNoHorizontalOverflow(p);
      await expectNoSeriousA11yViolations(p);
    });
  });
});

test('a search with no match, and hostile input, shows a normal page with the input escaped', async ({ page }) => {
  for (const q of ['<script>alert(1)</script>', "'; drop table articles; --", '🎉🎉', '无此内容的检索词']) {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      return d.dismiss();
    });
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('searchbox', { name: '关键词' })).toHaveValue(q);
    expect(dialogs).toBe(0);
  }
  await expect(page.getByRole('heading', { name: '没有找到与“无此内容的检索词”相关的结果' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('column pagination survives bad page numbers', async ({ page }) => {
  for (const [query, status] of [['?page=0', 200], ['?page=-1', 200], ['?page=abc', 200], ['?page=99999', 404]] as const) {
    const response = await page.goto(`/columns/work-news${query}`);
    expect(response?.status(), query).toBe(status);
  }
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});

test('feeds are served as RSS', async ({ request }) => {
  for (const url of ['/feed.xml', '/columns/notices/feed.xml']) {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    expect(await response.text()).toContain('<rss version="2.0"');
  }
});

test('an article with a video embeds a playable video and passes the scan', async ({ page, request }) => {
  await page.goto('/articles/2025-12-digital-newscast-year-review');
  const video = page.getByRole('main').locator('video');
  await expect(video).toBeVisible();
  const src = await video.getAttribute('src');
  const response = await request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('video/webm');
  await expectNoSeriousA11yViolations(page);
});

test('an old article address redirects permanently to the current one', async ({ page, request }) => {
  const response = await request.get('/articles/2025-year-review', { maxRedirects: 0 });
  expect([301, 308]).toContain(response.status());
  expect(response.headers()['location']).toMatch(/\/articles\/2025-12-digital-newscast-year-review$/);
  await page.goto('/articles/2025-year-review');
  await expect(page).toHaveURL(/\/articles\/2025-12-digital-newscast-year-review$/);
  await expect(page.getByRole('heading', { level: 1, name: '2025年度市级机关党建工作回眸' })).toBeVisible();
});
