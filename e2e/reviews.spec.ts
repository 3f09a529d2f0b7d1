import { expect, type Page, test } from '@playwright/test';
import { scanBothWidths } from './support/a11y';
import { pageAs } from './support/accounts';
import { uniqueToken } from './support/editor';

// The review loop as its users meet it: the auditor picks the oldest unreviewed record of the
// demo secretary's branch from the queue and raises a finding with a due date; the secretary
// sees it on the 工作台, corrects the record and answers citing the correction; the auditor
// reopens once, the secretary answers again, the auditor closes it and marks the record 合格.
// Axe at 1280 and 375 px on every page visited.

test.describe.configure({ timeout: 300_000 });

/** The finding with `token` in the record page's review panel (the version history may quote it too). */
const findingOn = (page: Page, token: string) => page.getByRole('region', { name: '审核与整改' }).getByRole('article').filter({ hasText: token });

const BRANCH = '中共江州市发展和改革委员会机关第一党支部';

/** The 整改到位 figure of the secretary's unit (发改委) in the per-unit table of /admin/reviews. */
async function closedInUnit(page: Page): Promise<number> {
  const table = page.getByRole('table', { name: /年提出的问题（按提出日期统计）/ });
  const columns = await table.getByRole('columnheader').allTextContents();
  const row = table.getByRole('row').filter({ hasText: '发展和改革委员会' });
  return Number(await row.getByRole('cell').nth(columns.indexOf('整改到位')).textContent());
}

test('auditor raises a finding; the branch answers with a correction; reopened once, then closed and 合格', async ({ browser }) => {
  const token = uniqueToken();
  const auditor = await pageAs(browser, 'auditor');
  const secretary = await pageAs(browser, 'secretary');

  // The auditor finds the branch's oldest unreviewed record in the queue.
  await auditor.goto('/admin');
  await auditor.getByRole('navigation').getByRole('link', { name: '审核', exact: true }).click();
  await expect(auditor.getByRole('heading', { level: 1, name: '审核' })).toBeVisible();
  await expect(auditor.getByRole('list', { name: '按状态统计' })).toContainText('待审核记录');
  await scanBothWidths(auditor);
  const node = auditor.getByLabel('组织（含下级）');
  const value = await node.locator('option', { hasText: BRANCH }).first().getAttribute('value');
  await node.selectOption(value!);
  await auditor.getByRole('button', { name: '筛选' }).click();
  await expect(auditor).toHaveURL(/branch=\d+/);
  const queue = auditor.getByRole('table', { name: /待审核记录/ });
  await queue.getByRole('row').nth(1).getByRole('link').click();
  await expect(auditor).toHaveURL(/\/admin\/records\/\d+#record-review$/);
  const recordPath = new URL(auditor.url()).pathname;

  const review = auditor.getByRole('region', { name: '审核与整改' });
  await expect(review.getByRole('button', { name: '审核合格' })).toBeVisible();
  await scanBothWidths(auditor);
  // Refused beside the field: no comment.
  await review.getByLabel('问题类别').selectOption({ label: '缺少佐证' });
  await review.getByRole('button', { name: '提出问题' }).click();
  await expect(review.getByText('请填写问题说明。')).toBeVisible();
  await expect(review.getByLabel('问题说明')).toHaveAttribute('aria-invalid', 'true');
  await review.getByLabel('问题说明').fill(`缺少会议签到表 ${token}`);
  const due = await review.getByLabel('整改期限').inputValue();
  expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await review.getByRole('button', { name: '提出问题' }).click();
  await expect(auditor).toHaveURL(/\?finding=raised#finding-\d+$/);
  const finding = findingOn(auditor, token);
  await expect(finding).toContainText('待整改');
  await expect(finding).toContainText(`整改期限：${due}`);
  await expect(auditor.getByRole('button', { name: '审核合格' })).toHaveCount(0);

  // The secretary sees it on the 工作台, corrects the record and answers citing version 2.
  await secretary.goto('/admin');
  const desk = secretary.getByRole('region', { name: '待整改的问题' });
  await expect(desk).toContainText('缺少佐证');
  await scanBothWidths(secretary);
  await desk.getByRole('link', { name: /缺少佐证/ }).first().click();
  await expect(secretary).toHaveURL(new RegExp(`${recordPath}#finding-\\d+$`));
  await secretary.getByRole('link', { name: '更正', exact: true }).click();
  await secretary.getByLabel('更正原因（必填）').fill(`补充签到表 ${token}`);
  await secretary.getByRole('button', { name: '保存更正' }).click();
  await expect(secretary).toHaveURL(/\?corrected=2$/);
  const answer = secretary.getByRole('form', { name: '整改答复' });
  await expect(answer.getByLabel('附上更正后的记录（第 2 版）')).toBeChecked();
  await scanBothWidths(secretary);
  await answer.getByLabel('整改说明').fill('已补充签到表扫描件，并在更正中注明。');
  await answer.getByRole('button', { name: '提交整改答复' }).click();
  await expect(secretary).toHaveURL(/\?finding=answered#finding-\d+$/);
  await expect(findingOn(secretary, token)).toContainText('待复查');
  await expect(findingOn(secretary, token)).toContainText('附更正后的记录第 2 版');

  // The auditor re-checks from the queue page and reopens once.
  await auditor.goto('/admin/reviews');
  const closedBefore = await closedInUnit(auditor);
  await auditor.getByRole('table', { name: /等待复查/ }).getByRole('row').filter({ hasText: token }).getByRole('link', { name: '缺少佐证' }).click();
  const recheck = auditor.getByRole('form', { name: '退回重改' });
  await recheck.getByRole('button', { name: '退回重改' }).click();
  await expect(recheck.getByText('请填写退回意见。')).toBeVisible();
  await recheck.getByLabel('退回意见').fill('签到表缺少两名党员的签名，请核实。');
  await recheck.getByRole('button', { name: '退回重改' }).click();
  await expect(auditor).toHaveURL(/\?finding=reopened#finding-\d+$/);
  await expect(findingOn(auditor, token)).toContainText('退回重改');

  await secretary.goto(recordPath);
  const again = secretary.getByRole('form', { name: '整改答复' });
  await again.getByLabel('整改说明').fill('两名党员当日公差，已补注缺席原因。');
  await again.getByRole('button', { name: '提交整改答复' }).click();
  await expect(secretary).toHaveURL(/\?finding=answered/);

  await auditor.goto(recordPath);
  await auditor.getByRole('button', { name: '整改到位，关闭问题' }).click();
  await expect(auditor).toHaveURL(/\?finding=closed/);
  const closed = findingOn(auditor, token);
  await expect(closed).toContainText('整改到位');
  await expect(closed.getByRole('list', { name: '处理过程' }).getByRole('listitem')).toHaveCount(5);
  await expect(auditor.getByRole('button', { name: '整改到位，关闭问题' })).toHaveCount(0);
  await scanBothWidths(auditor);
  // The unit's figures count it as closed (other journeys may close findings of the unit meanwhile).
  await auditor.goto('/admin/reviews');
  expect(await closedInUnit(auditor)).toBeGreaterThanOrEqual(closedBefore + 1);
  await auditor.goto(recordPath);

  // Every finding closed: the corrected record awaits review, and passes.
  await auditor.getByRole('button', { name: '审核合格' }).click();
  await expect(auditor).toHaveURL(/\?reviewed=1$/);
  await expect(auditor.getByRole('status').filter({ hasText: '记录已审核合格并锁定' })).toBeVisible();
  await expect(auditor.getByRole('button', { name: '提出问题' })).toHaveCount(0);
});
