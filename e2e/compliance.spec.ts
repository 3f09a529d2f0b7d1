import { expect, test } from '@playwright/test';
import { authFile } from './support/accounts';
import { scanBothWidths } from './support/a11y';

// Compliance by the day meetings were held, the rules behind it and the secretary's desk, on the
// seeded demo (tasks/seed/demo-activities.ts): four branches keep a record book; the others keep
// none, so they miss every requirement; the 财政局 second branch gave no 党课 in 2026.

// The whole committee's page is the heaviest of the admin area; on a loaded machine it needs time.
test.describe.configure({ timeout: 180_000 });
const slow = { timeout: 30_000 };

const lastYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;

test.describe('as the auditor', () => {
  test.use({ storageState: authFile('auditor') });

  test('finds which branches missed a quarterly general meeting last year, and why, in three clicks', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: /年组织生活落实情况$/ })).toBeVisible(slow);

    await page.getByRole('navigation', { name: '后台菜单' }).getByRole('link', { name: '落实情况' }).click(); // 1
    await expect(page.getByRole('heading', { level: 1, name: '落实情况' })).toBeVisible(slow);
    await page.getByRole('navigation', { name: '选择年度' }).getByRole('link', { name: `${lastYear}年` }).click(); // 2
    await expect(page).toHaveURL(new RegExp(`year=${lastYear}`), slow);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${lastYear}年$`) }).first()).toBeVisible(slow);

    // 3: in the units' summary, the total row's gap under 党员大会 lists the branches that missed it.
    const summary = page.getByRole('table', { name: /各单位落实情况汇总/ });
    const summaryColumns = await summary.getByRole('columnheader').allTextContents();
    const generalInSummary = summaryColumns.indexOf('党员大会');
    expect(generalInSummary).toBeGreaterThan(0);
    const totalRow = summary.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '合计' }) });
    await totalRow.getByRole('cell').nth(generalInSummary - 1).getByRole('link', { name: /^缺 \d+$/ }).click();
    await expect(page).toHaveURL(new RegExp(`year=${lastYear}&gaps=general_meeting#grid$`), slow);
    await expect(page.getByRole('status').filter({ hasText: /支部党员大会未达标的组织共 \d+ 个/ })).toBeVisible();

    const grid = page.getByRole('table', { name: /各基层组织落实情况/ });
    const columns = await grid.getByRole('columnheader').allTextContents();
    const general = columns.indexOf('党员大会');
    expect(general).toBeGreaterThan(0);
    // A branch without any record book: every quarter missed, in words and a symbol, not colour alone.
    const retired = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /发展和改革委员会离退休干部党支部/ }) });
    const cell = retired.getByRole('cell').nth(general - 1);
    await expect(cell).toContainText('✗未达标');
    await expect(cell).toContainText('达标周期 0/4');
    await expect(cell).toContainText('缺：第一季度、第二季度、第三季度、第四季度');
    // The model branch met every quarter, so it is not among them.
    await expect(grid.getByRole('rowheader', { name: /发展和改革委员会机关第一党支部\s*党支部$/ })).toHaveCount(0);

    await cell.getByRole('link', { name: /^实开 0 次/ }).click(); // and the records behind the figure
    await expect(page).toHaveURL(new RegExp(`/admin/records\\?branch=\\d+&kind=general_meeting&from=${lastYear}-01-01&to=${lastYear}-12-31$`), slow);
  });

  test('reads the compliance page at 1280 and 375 px and exports it', async ({ page }) => {
    await page.goto(`/admin/compliance?year=${lastYear}`);
    await expect(page.getByRole('table', { name: /各单位落实情况汇总/ })).toBeVisible(slow);
    await scanBothWidths(page);
    // Another view links back to the summary instead of repeating it.
    await page.goto(`/admin/compliance?year=${lastYear}&view=quarter&gaps=1`);
    await expect(page.getByRole('heading', { level: 2, name: /各基层组织按季度情况/ })).toBeVisible(slow);
    await expect(page.getByRole('table', { name: /各单位落实情况汇总/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: `查看${lastYear}年按单位汇总` })).toBeVisible();
    await scanBothWidths(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: '导出 Excel' }).click();
    expect((await downloading).suggestedFilename()).toMatch(/^compliance-\d{4}-\d+\.xlsx$/);

    // The early warning has its own page, of the same node.
    await page.getByRole('link', { name: '长期未参加组织生活的党员名单' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /连续 6 个月未参加组织生活预警/ })).toBeVisible(slow);
    await expect(page.getByRole('table', { name: /连续 6 个月未参加组织生活的党员/ })).toBeVisible();
    await scanBothWidths(page);
  });

  test('reads the rules in Chinese at 1280 and 375 px, without the control to add a version', async ({ page }) => {
    await page.goto('/admin/rules');
    await expect(page.getByRole('heading', { level: 1, name: '规则设置' })).toBeVisible();
    await expect(page.getByRole('table', { name: /组织生活最低频次/ }).first()).toContainText('每季度至少 1 次');
    await expect(page.getByText('召开后超过 30 天提交的记录')).toBeVisible();
    await expect(page.getByRole('link', { name: '新增组织生活规则版本' })).toHaveCount(0);
    await scanBothWidths(page);
  });
});

test.describe('as the admin', () => {
  test.use({ storageState: authFile('admin') });

  test('adds a future rule-set version; a date already in force is refused beside the field, the typed values kept', async ({ page }) => {
    await page.goto('/admin/rules/new');
    await expect(page.getByLabel('逾期补录（天）')).toHaveValue('30', slow);
    await page.getByLabel('规则名称').fill('工委组织生活补充规定（e2e 修订）');
    await page.getByLabel('依据', { exact: true }).fill('工委会议决定');
    await page.getByLabel('逾期补录（天）').fill('20');
    await page.getByLabel('生效日期').fill('2020-01-01');
    await page.getByRole('button', { name: '保存新版本' }).click();
    await expect(page.getByLabel('生效日期')).toHaveAccessibleDescription(/不能追溯修改/, slow);
    await expect(page.getByLabel('逾期补录（天）')).toHaveValue('20');
    await scanBothWidths(page);

    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
    await page.getByLabel('生效日期').fill(`2031-0${1 + Math.floor(Math.random() * 9)}-${day}`);
    await page.getByRole('button', { name: '保存新版本' }).click();
    await expect(page).toHaveURL(/\/admin\/rules\?created=\d+$/, slow);
    await expect(page.getByRole('status').filter({ hasText: '新的规则版本已保存。' })).toBeVisible();
    const created = page.getByRole('article').filter({ hasText: '工委组织生活补充规定（e2e 修订）' }).first();
    await expect(created).toContainText('尚未生效', slow);
    await expect(created).toContainText('召开后超过 20 天提交的记录');
  });
});

test.describe('as the branch secretary', () => {
  test.use({ storageState: authFile('secretary') });

  test("the desk shows what is due, late entries and the way to log a meeting; other units' compliance is refused", async ({ page }) => {
    await page.goto('/admin');
    const due = page.getByRole('region', { name: '本期待完成' });
    await expect(due).toBeVisible(slow);
    await expect(due.getByRole('listitem').first()).toBeVisible();
    await expect(due.getByRole('link', { name: '登记组织生活' })).toHaveAttribute('href', '/admin/records/new');
    const late = page.getByRole('region', { name: '逾期补录的记录' });
    await expect(late).toContainText('支部党员大会（2026-03-23 召开）');
    await expect(late).toContainText('2026-04-28 提交，晚 36 天');
    await expect(page.getByRole('region', { name: '任期提醒' })).toBeVisible();
    await scanBothWidths(page);

    await page.goto('/admin/compliance');
    await expect(page.getByRole('heading', { level: 2, name: /发展和改革委员会机关第一党支部（党支部）/ })).toBeVisible(slow);
    await expect(page.getByRole('combobox', { name: '组织（含下级）' }).getByRole('option')).toHaveCount(1);
    await scanBothWidths(page);

    const other = await page.request.get('/admin/compliance/export?branch=1&format=csv');
    expect(other.status()).toBe(403);
  });
});
