import { expect, test } from '@playwright/test';
import { scanBothWidths } from './support/a11y';
import { pageAs } from './support/accounts';

// Member development as the branch secretary meets it: the board shows the demo's overdue first
// talk and overdue probationers; an activist of the branch is refused as development target on a
// date before the twelve months are up (the rule quoted beside the date), then moved with two
// introducers. An admin runs batch steps (an oath every demo probationer already took, refused
// with the reason; an assessment that moves some and refuses others) and reads the yearly
// figures down to the people. Axe at 1280 and 375 px on every page visited.

test.describe.configure({ timeout: 300_000 });

test('the board warns; a secretary moves an activist to development target with two introducers', async ({ browser }) => {
  const secretary = await pageAs(browser, 'secretary');
  await secretary.goto('/admin');
  await secretary.getByRole('navigation').getByRole('link', { name: '发展党员', exact: true }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: '发展党员' })).toBeVisible();
  const board = secretary.getByRole('table', { name: /发展党员档案/ });
  await expect(board.getByText('已逾期').first()).toBeVisible();
  await expect(board.getByRole('row').filter({ hasText: '与申请人谈话' }).filter({ hasText: '已逾期' })).not.toHaveCount(0);
  await expect(board.getByRole('row').filter({ hasText: '预备期满讨论转正' }).filter({ hasText: '已逾期' })).not.toHaveCount(0);
  await scanBothWidths(secretary);

  await secretary.getByLabel('阶段', { exact: true }).selectOption({ label: '入党积极分子' });
  await secretary.getByRole('button', { name: '筛选' }).click();
  await expect(secretary).toHaveURL(/stage=activist/);
  await board.getByRole('row').nth(1).getByRole('link').click();
  await expect(secretary).toHaveURL(/\/admin\/development\/\d+$/);
  await expect(secretary.getByRole('heading', { level: 1, name: /的发展档案$/ })).toBeVisible();
  await expect(secretary.getByText('列为发展对象：今天可以进行')).toBeVisible();
  await scanBothWidths(secretary);

  await secretary.getByLabel('步骤', { exact: true }).selectOption({ label: '列为发展对象' });
  const first = secretary.getByLabel('入党介绍人（1）');
  const second = secretary.getByLabel('入党介绍人（2）');
  const options = await first.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
  expect(options.length).toBeGreaterThanOrEqual(2);
  await first.selectOption(options[0]!);
  await second.selectOption(options[1]!);
  // Too early: the activist has not been observed for twelve months on that date.
  await secretary.getByLabel('日期', { exact: true }).fill('2026-06-01');
  await secretary.getByRole('button', { name: '记录该步骤' }).click();
  await expect(secretary.getByText(/按《中国共产党发展党员工作细则（2014年）》，入党积极分子培养考察满 12 个月后方可列为发展对象（还差 \d+ 天/)).toBeVisible();
  await expect(secretary.getByLabel('日期', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await scanBothWidths(secretary);

  const today = await secretary.getByLabel('日期', { exact: true }).getAttribute('max');
  await secretary.getByLabel('步骤', { exact: true }).selectOption({ label: '列为发展对象' });
  await first.selectOption(options[0]!);
  await second.selectOption(options[1]!);
  await secretary.getByLabel('日期', { exact: true }).fill(today!);
  await secretary.getByRole('button', { name: '记录该步骤' }).click();
  await expect(secretary.getByRole('status').filter({ hasText: '步骤已记录。' })).toBeVisible();
  await expect(secretary.getByText('当前阶段：发展对象')).toBeVisible();
  const steps = secretary.getByRole('table', { name: /的发展步骤/ });
  await expect(steps.getByRole('row').filter({ hasText: '列为发展对象' }).filter({ hasText: '支部委员会' })).toHaveCount(1);
  await expect(secretary.getByText(/入党介绍人/).first()).toBeVisible();
  await scanBothWidths(secretary);
});

test('an admin runs a batch oath for probationary members, then a batch assessment that moves some and refuses others', async ({ browser }) => {
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin/development');
  await admin.getByRole('link', { name: '批量记录步骤' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '批量记录发展步骤' })).toBeVisible();
  await admin.getByLabel('阶段', { exact: true }).selectOption({ label: '预备党员' });
  await admin.getByRole('button', { name: '列出人员' }).click();
  await expect(admin).toHaveURL(/stage=probationary/);
  await scanBothWidths(admin);

  // The demo's probationary members were sworn in long ago: each is refused with the reason.
  await admin.getByLabel(/全选本页列出的 \d+ 人/).check();
  await admin.getByLabel('步骤', { exact: true }).selectOption({ label: '入党宣誓' });
  await admin.getByRole('button', { name: '逐人核对并记录' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '批量记录结果：入党宣誓' })).toBeVisible();
  await expect(admin.getByRole('heading', { name: '已记录（0 人）' })).toBeVisible();
  const refused = admin.getByRole('table', { name: '未通过核对的人员及原因' });
  await expect(refused.getByRole('row').filter({ hasText: /已于 \d{4}-\d{2}-\d{2} 记录入党宣誓/ })).not.toHaveCount(0);
  await scanBothWidths(admin);

  // A branch outside the demo secretary's: its activist and development target are assessed,
  // the other stages refused with the stage order quoted.
  await admin.getByRole('link', { name: '返回批量记录' }).click();
  const branch = admin.getByLabel('党组织（含下级）');
  const value = await branch.locator('option', { hasText: '财政局预算管理党支部' }).first().getAttribute('value');
  await branch.selectOption(value!);
  await admin.getByRole('button', { name: '列出人员' }).click();
  await expect(admin).toHaveURL(new RegExp(`branchId=${value}`));
  await admin.getByLabel(/全选本页列出的 \d+ 人/).check();
  await admin.getByLabel('步骤', { exact: true }).selectOption({ label: '培养考察（半年考察）' });
  await admin.getByLabel('考察结果').selectOption({ label: '合格' });
  await admin.getByRole('button', { name: '逐人核对并记录' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '批量记录结果：培养考察（半年考察）' })).toBeVisible();
  await expect(admin.getByRole('table', { name: '已记录该步骤的人员' }).getByRole('row')).not.toHaveCount(0);
  await expect(admin.getByRole('table', { name: '未通过核对的人员及原因' }).getByRole('row').filter({ hasText: '不能跳过阶段' })).not.toHaveCount(0);
  await scanBothWidths(admin);
});

test('the yearly figures per unit drill down to the people and export', async ({ browser }) => {
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin/development');
  await admin.getByRole('link', { name: '年度数字' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '发展党员年度数字' })).toBeVisible();
  await admin.getByLabel('年份', { exact: true }).selectOption('2025');
  await admin.getByRole('button', { name: '查看' }).click();
  await expect(admin).toHaveURL(/year=2025/);
  const table = admin.getByRole('table', { name: /2025 年发展党员工作数字/ });
  const total = table.getByRole('row').filter({ hasText: '合计' });
  await expect(total).toHaveCount(1);
  await scanBothWidths(admin);
  const csv = await admin.request.get('/admin/development/figures/export?year=2025&format=csv');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('合计：');
  await total.getByRole('link', { name: /合计递交入党申请/ }).click();
  await expect(admin.getByRole('heading', { level: 1, name: /^2025 年递交入党申请：/ })).toBeVisible();
  await expect(admin.getByRole('status').filter({ hasText: /共 \d+ 人次/ })).toBeVisible();
  await scanBothWidths(admin);
});

// A 1×1 PNG: a scanned page as the browser would send it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test("a secretary cites the target's concentrated training record and files a scanned document", async ({ browser }) => {
  const secretary = await pageAs(browser, 'secretary');
  await secretary.goto('/admin/development?stage=development_target');
  const board = secretary.getByRole('table', { name: /发展党员档案/ });
  const files = await board.getByRole('row').getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  // The seeded target who sat the 2026 concentrated class and has no training on file yet.
  let found = false;
  for (const path of files) {
    await secretary.goto(path);
    const step = secretary.getByLabel('步骤', { exact: true });
    if ((await step.count()) === 0 || !(await step.locator('option', { hasText: '集中培训' }).count())) continue;
    await step.selectOption({ label: '集中培训' });
    const record = secretary.getByLabel('培训记录', { exact: true });
    if (!(await record.locator('option', { hasText: '2026年第一期发展对象集中培训班' }).count())) continue;
    found = true;
    break;
  }
  expect(found, 'a development target with the seeded training record').toBe(true);
  const record = secretary.getByLabel('培训记录', { exact: true });
  await record.selectOption((await record.locator('option', { hasText: '2026年第一期发展对象集中培训班' }).getAttribute('value'))!);
  await expect(secretary.getByLabel('培训天数')).toHaveCount(0);
  await scanBothWidths(secretary);
  await secretary.getByRole('button', { name: '记录该步骤' }).click();
  await expect(secretary.getByRole('status').filter({ hasText: '步骤已记录。' })).toBeVisible();
  await expect(secretary.getByRole('link', { name: '2026年第一期发展对象集中培训班' })).toBeVisible();

  await secretary.getByLabel('材料类别').selectOption({ label: '思想汇报' });
  await secretary.getByLabel('标题', { exact: true }).fill('2026年第三季度思想汇报');
  await secretary.getByLabel('文件', { exact: true }).setInputFiles({ name: '思想汇报.png', mimeType: 'image/png', buffer: PNG });
  await secretary.getByRole('button', { name: '上传材料' }).click();
  const documents = secretary.getByRole('table', { name: /材料/ });
  await expect(documents.getByRole('row').filter({ hasText: '2026年第三季度思想汇报' })).toHaveCount(1);
  await scanBothWidths(secretary);
});
