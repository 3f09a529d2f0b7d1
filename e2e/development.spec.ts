import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './support/a11y';
import { authFile, type DemoRole } from './support/accounts';

// Member development as the branch secretary meets it: the board shows the demo's overdue first
// talk and overdue probationers; an activist of the branch is refused as development target on a
// date before the twelve months are up (the rule quoted beside the date), then moved with two
// introducers. Axe at 1280 and 375 px on every page visited.

test.describe.configure({ timeout: 300_000 });

async function scanBothWidths(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalOverflow(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pageAs(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: authFile(role) });
  return context.newPage();
}

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
