import { expect, test } from '@playwright/test';
import { scanBothWidths } from './support/a11y';
import { pageAs } from './support/accounts';
import { uniqueToken } from './support/editor';

// Inspections (明察暗访) as their users meet them: the seeded inspection of the 财政局 reads one
// finding closed and one overdue, with a drill-down to the overdue one; the auditor creates an
// inspection of the demo secretary's branch with two findings and releases it; the secretary
// sees it only after release, on the 工作台, and answers. Axe at 1280 and 375 px on every page.

test.describe.configure({ timeout: 300_000 });

const BRANCH = '中共江州市发展和改革委员会机关第一党支部';

test('the seeded inspection reads one closed and one overdue, and drills down to the overdue finding', async ({ browser }) => {
  const auditor = await pageAs(browser, 'auditor');
  await auditor.goto('/admin');
  await auditor.getByRole('navigation').getByRole('link', { name: '明察暗访', exact: true }).click();
  await expect(auditor.getByRole('heading', { level: 1, name: '明察暗访' })).toBeVisible();
  await auditor.getByLabel('日期自').fill('2026-09-01');
  await auditor.getByLabel('至', { exact: true }).fill('2026-09-30');
  await auditor.getByRole('button', { name: '筛选' }).click();
  await expect(auditor).toHaveURL(/from=2026-09-01&to=2026-09-30/);
  const figures = auditor.getByRole('table', { name: /提出的问题/ });
  await expect(figures.getByRole('link', { name: '江州市财政局发现问题 2 个，查看明细' })).toBeVisible();
  await expect(figures.getByRole('link', { name: '江州市财政局已整改到位 1 个，查看明细' })).toBeVisible();
  await expect(figures.getByRole('row').filter({ hasText: '江州市财政局' })).toContainText('50%');
  await expect(auditor.getByRole('table', { name: /的督查/ })).toContainText('四不两直');
  await scanBothWidths(auditor);

  await figures.getByRole('link', { name: '江州市财政局逾期未整改 1 个，查看明细' }).click();
  await expect(auditor).toHaveURL(/\/admin\/inspections\/findings\?.*measure=overdue/);
  await expect(auditor.getByRole('heading', { level: 1 })).toHaveText('江州市财政局：逾期未整改');
  const rows = auditor.getByRole('table', { name: /逾期未整改/ }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('主题党日活动照片与上月重复使用');
  await expect(rows.nth(1)).toContainText('已逾期');
  await expect(auditor.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /\/admin\/inspections\/export\?.*measure=overdue.*format=csv/);
  await scanBothWidths(auditor);

  // The admin reads the inspection (steps of each finding); no 通报 while a finding is open.
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin/inspections?from=2026-09-01&to=2026-09-30');
  await admin.getByRole('link', { name: '中共江州市财政局机关委员会' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('中共江州市财政局机关委员会：四不两直');
  const closed = admin.getByRole('article').filter({ hasText: '党费收缴台账' });
  await expect(closed.getByRole('list', { name: '处理过程' }).getByRole('listitem')).toHaveCount(3);
  await expect(admin.getByRole('button', { name: '生成通报草稿' })).toHaveCount(0);
  await expect(admin.getByRole('form', { name: '登记问题' })).toHaveCount(0);
  await scanBothWidths(admin);
});

test('auditor creates an inspection of a branch with two findings and releases it; the secretary sees it then, and answers', async ({ browser }) => {
  const token = uniqueToken();
  const auditor = await pageAs(browser, 'auditor');
  const secretary = await pageAs(browser, 'secretary');

  await auditor.goto('/admin/inspections');
  await auditor.getByRole('link', { name: '新建督查' }).click();
  await expect(auditor.getByRole('heading', { level: 1, name: '新建督查' })).toBeVisible();
  const create = auditor.getByRole('form', { name: '新建督查' });
  await create.getByRole('button', { name: '保存督查' }).click();
  await expect(create.getByText('请选择被督查的单位或组织。')).toBeVisible();
  await expect(create.getByText('请填写督查内容。')).toBeVisible();
  await scanBothWidths(auditor);
  const node = create.getByLabel('被督查的单位或组织');
  await node.selectOption((await node.locator('option', { hasText: BRANCH }).first().getAttribute('value'))!);
  await create.getByLabel('督查方式').selectOption({ label: '暗访' });
  await create.getByLabel('督查内容').fill(`随机抽查三会一课记录 ${token}`);
  await create.getByRole('button', { name: '保存督查' }).click();
  await expect(auditor).toHaveURL(/\/admin\/inspections\/\d+\?inspection=created$/);
  const path = new URL(auditor.url()).pathname;

  for (const [category, comment] of [
    ['形式主义', `会议记录照抄文件原文 ${token}`],
    // Not 缺少佐证: the review journey picks its finding on the same desk by that category.
    ['出勤不足', `缺少支委会签到表 ${token}`],
  ]) {
    const add = auditor.getByRole('form', { name: '登记问题' });
    await add.getByLabel('问题类别').selectOption({ label: category! });
    await add.getByLabel('问题说明').fill(comment!);
    await add.getByRole('button', { name: '登记问题' }).click();
    await expect(auditor).toHaveURL(/\?finding=raised#finding-\d+$/);
  }
  await expect(auditor.getByRole('article')).toHaveCount(2);
  await scanBothWidths(auditor);

  // Not released yet: the branch does not see it.
  await secretary.goto(path);
  await expect(secretary.getByRole('heading', { name: '页面不存在' })).toBeVisible();

  await auditor.getByRole('button', { name: '发布督查结果' }).click();
  await expect(auditor).toHaveURL(/\?inspection=released$/);
  await expect(auditor.getByRole('status').filter({ hasText: '督查结果已发布' })).toBeVisible();

  // Released: on the secretary's desk, and answered on the inspection's page.
  await secretary.goto('/admin');
  const desk = secretary.getByRole('region', { name: '待整改的问题' });
  await expect(desk.getByRole('link', { name: new RegExp(`会议记录照抄文件原文 ${token}`) })).toBeVisible();
  await desk.getByRole('link', { name: new RegExp(`缺少支委会签到表 ${token}`) }).click();
  await expect(secretary).toHaveURL(new RegExp(`${path}#finding-\\d+$`));
  await expect(secretary.getByRole('heading', { level: 1 })).toContainText('暗访');
  await expect(secretary.getByRole('article')).toHaveCount(2);
  await expect(secretary.getByRole('form', { name: '登记问题' })).toHaveCount(0);
  await scanBothWidths(secretary);
  const answer = secretary.getByRole('article').filter({ hasText: `缺少支委会签到表 ${token}` }).getByRole('form', { name: '整改答复' });
  await answer.getByLabel('整改说明').fill('已补齐签到表并归档。');
  await answer.getByRole('button', { name: '提交整改答复' }).click();
  await expect(secretary).toHaveURL(/\?finding=answered#finding-\d+$/);
  await expect(secretary.getByRole('article').filter({ hasText: `缺少支委会签到表 ${token}` })).toContainText('待复查');

  await secretary.goto('/admin/inspections');
  await expect(secretary.getByRole('table', { name: /的督查/ })).toContainText(`随机抽查三会一课记录 ${token}`);
  await scanBothWidths(secretary);
});
