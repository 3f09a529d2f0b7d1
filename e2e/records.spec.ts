import { expect, type Page, test } from '@playwright/test';
import { scanBothWidths } from './support/a11y';
import { authFile } from './support/accounts';
import { makePng, uniqueToken } from './support/editor';

// The record book: a secretary logs this month's 支部委员会 with attendance (one absent with a
// reason) and a photo, submits it and finds it in the list; another unit's record answers 403;
// the auditor reads records without a single write control. Axe at 1280 and 375 px on the list,
// the form and a record page.

// Axe scans of long pages at two widths, on a shared two-core machine.
test.describe.configure({ timeout: 240_000 });

/** The address of a record of the 财政局 unit, found as the auditor finds it: filter, click. */
async function recordOfAnotherUnit(page: Page): Promise<string> {
  await page.goto('/admin/records');
  await page.getByLabel('组织（含下级）').selectOption({ label: '　中共江州市财政局机关委员会' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/branch=\d+/);
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/admin\/records\/\d+$/);
  return new URL(page.url()).pathname;
}

test.describe('as the secretary', () => {
  test.use({ storageState: authFile('secretary') });

  test('logs a 支部委员会 meeting with attendance and a photo, submits it and finds it in the list', async ({ page }) => {
    const token = uniqueToken();
    const topic = `研究月度支部工作安排 ${token}`;
    // This month's committee meeting is still due on the secretary's desk.
    await page.goto('/admin');
    const committeeDue = page.getByRole('region', { name: '本期待完成' }).getByRole('listitem').filter({ hasText: '支部委员会' });
    await expect(committeeDue).toHaveCount(1, { timeout: 30_000 });
    await page.goto('/admin/records');
    await expect(page.getByRole('heading', { level: 1, name: '组织生活记录' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /全部记录共/ })).toBeVisible();
    await scanBothWidths(page);

    await page.getByRole('link', { name: '登记活动' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '登记活动' })).toBeVisible();
    await expect(page.getByText('所属组织：中共江州市发展和改革委员会机关第一党支部')).toBeVisible();
    await scanBothWidths(page);

    await expect(page.getByLabel('活动类型')).toHaveValue('committee_meeting');
    await page.getByLabel('开始时间').fill('15:00');
    await page.getByLabel('结束时间').fill('16:30');
    await page.getByLabel('地点', { exact: true }).fill('机关三楼党员活动室');
    await page.getByLabel('主题', { exact: true }).fill(topic);
    await page.getByLabel('第一议题学习内容').fill('学习最新重要讲话精神');
    await page.getByLabel('主持人').selectOption({ index: 1 });
    await page.getByLabel('记录人').selectOption({ index: 2 });

    const grid = page.getByRole('group', { name: '出勤登记' });
    const rate = grid.getByText(/^出勤率/);
    const before = await rate.textContent();
    const absentee = grid.locator('li').last();
    const absentName = (await absentee.locator('legend').textContent())!.replace(/（.*）$/, '').trim();
    await absentee.getByLabel('缺席').check();
    await expect(rate).not.toHaveText(before!);
    await absentee.getByLabel(`${absentName}的缺席原因`).selectOption({ label: '病假' });

    await page.getByRole('textbox', { name: '会议记录' }).click();
    await page.keyboard.type('会议传达学习了上级精神，研究了下月工作安排，明确了责任人。');

    await page.getByRole('button', { name: '选择照片' }).click();
    const picker = page.getByRole('dialog', { name: '选择活动照片' });
    await picker.getByRole('button', { name: '上传新照片' }).click();
    await picker.getByLabel('照片文件').setInputFiles({ name: `meeting-${token}.png`, mimeType: 'image/png', buffer: await makePng('#2266aa', 60 + Math.floor(Math.random() * 200), 48) });
    await picker.getByLabel('照片说明（必填）').fill(`支委会现场 ${token}`);
    await picker.getByRole('button', { name: '上传并使用' }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByRole('img', { name: `支委会现场 ${token}` })).toBeVisible();

    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/records\/\d+\?submitted=1$/);
    await expect(page.getByRole('heading', { level: 1, name: `支部委员会：${topic}` })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '记录已提交并锁定' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`${absentName}`);
    await expect(page.getByRole('main')).toContainText('缺席（病假）');
    await expect(page.getByRole('img', { name: `支委会现场 ${token}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: '第 1 版（提交）' })).toBeVisible();
    await expect(page.getByRole('link', { name: '更正' })).toBeVisible();
    await scanBothWidths(page);

    await page.getByRole('link', { name: '← 返回组织生活记录' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: topic }) });
    await expect(row).toContainText('支部委员会');
    await expect(row).toContainText('已提交');
    await expect(row).toContainText('%');

    // Counted by the day it was held (today): this month's committee meeting is no longer due.
    await page.goto('/admin');
    await expect(page.getByRole('region', { name: '本期待完成' })).toBeVisible({ timeout: 30_000 });
    await expect(committeeDue).toHaveCount(0);
  });

  test('a record of another unit opened by its address answers 403', async ({ page, browser }) => {
    const auditor = await browser.newContext({ storageState: authFile('auditor') });
    const path = await recordOfAnotherUnit(await auditor.newPage());
    await auditor.close();
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: '没有访问权限' })).toBeVisible();
    expect((await page.goto(`${path}/edit`))?.status()).toBe(403);
  });

  test('a refused submission keeps what was typed and names what is missing', async ({ page }) => {
    await page.goto('/admin/records/new');
    await page.getByLabel('主题', { exact: true }).fill('只填了主题');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect(page.getByText('提交前请填写地点。')).toBeVisible();
    await expect(page.getByText('提交前请选择主持人。')).toBeVisible();
    await expect(page.getByLabel('主题', { exact: true })).toHaveValue('只填了主题');
    await expect(page).toHaveURL(/\/admin\/records\/new/);
  });
});

test.describe('as the auditor', () => {
  test.use({ storageState: authFile('auditor') });

  test('reads a record with its versions, and finds no write control', async ({ page }) => {
    await page.goto('/admin/records?status=flagged');
    await expect(page.getByRole('link', { name: '登记活动' })).toHaveCount(0);
    await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /^支部党员大会：/ })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('有问题');
    await expect(page.getByRole('link', { name: '更正' })).toHaveCount(0);
    // The auditor's only controls are the review's (issue 12): none changes the record itself.
    const buttons = await page.getByRole('main').getByRole('button').allTextContents();
    expect(buttons.filter((b) => !['提出问题', '整改到位，关闭问题', '退回重改'].includes(b.trim()))).toEqual([]);
    await scanBothWidths(page);
    const edit = await page.goto(`${new URL(page.url()).pathname}/edit`);
    expect(edit?.status()).toBe(403);
  });
});
