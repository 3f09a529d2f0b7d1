import { type BrowserContext, expect, type Page, test as base } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/a11y';
import { authFile, demoAccounts } from './support/accounts';
import { ArticleEditorPage, uniqueToken } from './support/editor';
import { maxFormDepth } from './support/html';

// The revision history (finding 10): an admin restores an older revision of a published
// article and readers see the old text again; the page hydrates cleanly and nests no forms.

const test = base.extend<{ adminPage: Page }>({
  adminPage: async ({ browser }, provide) => {
    const context: BrowserContext = await browser.newContext({ storageState: authFile('admin') });
    await provide(await context.newPage());
    await context.close();
  },
});

/** Every console error and uncaught exception of a page, hydration failures (#418) among them. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

test('an admin restores the published text of an edited article and readers see it again', async ({ page, adminPage }) => {
  test.slow();
  const token = uniqueToken();
  const title = `版本恢复测试 ${token}`;
  const oldText = `发布时的正文 ${token}。`;
  const newText = `改写后的正文 ${token}。`;
  const admin = new ArticleEditorPage(adminPage);

  const { id, slug } = await admin.createDraft({ title, column: '工作动态', paragraphs: [oldText] });
  await admin.transition('发布', '已发布。', '已发布');
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole('article')).toContainText(oldText);

  // The admin rewrites the published text.
  await admin.body.click();
  await adminPage.keyboard.press('ControlOrMeta+a');
  await adminPage.keyboard.type(newText);
  await admin.saveNow();
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole('article')).toContainText(newText);
  await expect(page.getByRole('article')).not.toContainText(oldText);

  // The history page: no nested forms in its HTML, no hydration error, no serious axe finding.
  // (Soft, so that a failure here still shows whether restoring works.)
  const revisionsUrl = `/admin/articles/${id}/revisions`;
  const html = await (await adminPage.request.get(revisionsUrl)).text();
  expect(html.includes(title), 'the history page of the article').toBe(true);
  expect.soft(maxFormDepth(html), 'nested <form> elements').toBe(1);

  const errors = recordErrors(adminPage);
  await adminPage.goto(revisionsUrl);
  await expect(adminPage.getByRole('heading', { level: 1, name: `版本记录：${title}` })).toBeVisible();
  await adminPage.waitForLoadState('networkidle');
  expect.soft(errors, 'console errors on the history page').toEqual([]);
  await expectNoSeriousA11yViolations(adminPage);

  // Comparing still works, from the keyboard: the creation against the latest save.
  const history = adminPage.getByRole('table', { name: /版本列表/ });
  await expect(history.getByRole('row')).toHaveCount(4); // header, 保存, 发布, 创建
  const adminName = demoAccounts.admin.displayName;
  await history.getByRole('radio', { name: new RegExp(`^作为旧版本：.*创建（${adminName}）$`) }).focus();
  await adminPage.keyboard.press('Space');
  await history.getByRole('radio', { name: new RegExp(`^作为新版本：.*保存（${adminName}）$`) }).focus();
  await adminPage.keyboard.press('Space');
  await adminPage.getByRole('button', { name: '对比所选版本' }).focus();
  await adminPage.keyboard.press('Enter');
  await expect(adminPage).toHaveURL((url) => /^\d+$/.test(url.searchParams.get('from') ?? '') && /^\d+$/.test(url.searchParams.get('to') ?? ''));
  const diff = adminPage.getByRole('table', { name: /的对比$/ });
  await expect(diff.locator('del').filter({ hasText: '发布时' })).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: '改写后' })).toHaveCount(1);

  // Restoring the published revision asks first, then replaces the text.
  const dialogs: string[] = [];
  adminPage.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await adminPage.getByRole('button', { name: new RegExp(`^恢复此版本：.*发布（${adminName}）$`) }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/admin/articles/${id}\\?restored=1$`));
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toContain('当前内容会保留在版本记录中');
  await admin.ready();
  await expect(admin.body).toContainText(oldText);
  await expect(admin.body).not.toContainText(newText);
  await admin.expectStatus('已发布');

  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole('article')).toContainText(oldText);
  await expect(page.getByRole('article')).not.toContainText(newText);

  // The restore is itself a revision; the list still fits a phone and passes the scan there.
  await adminPage.setViewportSize({ width: 375, height: 740 });
  await adminPage.goto(revisionsUrl);
  await expect(history.getByRole('row').filter({ hasText: `恢复版本（${adminName}）` })).toHaveCount(1);
  await expectNoHorizontalOverflow(adminPage);
  await expectNoSeriousA11yViolations(adminPage);
  expect(errors).toEqual([]);
});
