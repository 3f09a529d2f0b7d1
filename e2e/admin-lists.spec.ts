import { expect, test } from '@playwright/test';
import { authFile } from './support/accounts';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/a11y';

// The desk's article list pages by cursor (first / previous / next / last) and reads as cards
// on a phone: no cell squeezed to a character per line, nothing wider than the screen.

test.use({ storageState: authFile('admin') });

test('the article list pages forward, to the end and back to the start by cursor', async ({ page }) => {
  await page.goto('/admin/articles');
  const pager = page.getByRole('navigation', { name: '文章列表分页' });
  const firstTitles = await page.getByRole('row').nth(1).getByRole('link').first().textContent();

  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(page.getByRole('row').nth(1).getByRole('link').first()).not.toHaveText(firstTitles!);
  await expect(pager.getByRole('link', { name: '首页' })).toBeVisible();

  await pager.getByRole('link', { name: '末页' }).click();
  await expect(page).toHaveURL(/[?&]cursor=last/);
  await expect(pager.getByText('下一页')).toHaveAttribute('aria-disabled', 'true');

  await pager.getByRole('link', { name: '首页' }).click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
  await expect(page.getByRole('row').nth(1).getByRole('link').first()).toHaveText(firstTitles!);
});

test('on a 375 px phone the article list is a stack of readable cards', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/admin/articles');
  const firstTitle = page.getByRole('row').nth(1).getByRole('cell').first();
  // A card's title spans the card: far wider than a column squeezed to one character.
  expect((await firstTitle.boundingBox())!.width).toBeGreaterThan(250);
  // Each line is led by its column name.
  await expect(page.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveAttribute('data-label', '栏目');
  await expectNoHorizontalOverflow(page);
  await expectNoSeriousA11yViolations(page);

  await page.goto('/admin/media');
  await expectNoHorizontalOverflow(page);
});
