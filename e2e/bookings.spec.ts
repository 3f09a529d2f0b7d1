import { expect, type Page, test } from '@playwright/test';
import { pageAs } from './support/accounts';
import { scanBothWidths } from './support/a11y';

// The 四季送课 loop on the seeded demo: the 财政局 unit's secretary books a lecture for its
// 机关综合党支部 (which gave no 党课 this year), an admin schedules it for today, the secretary
// confirms delivery with the attendance and rates it, and the branch's 党课 of this quarter turns
// from open to met on the compliance page. Every page is scanned at 1280 and 375 px.

// One long journey through six pages with two axe scans each: on a loaded machine it needs time.
test.describe.configure({ mode: 'serial', timeout: 900_000 });
const slow = { timeout: 60_000 };
const BRANCH = '中共江州市财政局机关综合党支部';

const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const quarterStart = (day: string) => `${day.slice(0, 4)}-${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

/** The 党课 line of the branch's quarter cell on the compliance page, by quarter view. */
async function lectureCell(page: Page, branchId: string) {
  await page.goto(`/admin/compliance?branch=${branchId}&view=quarter`);
  await expect(page.getByRole('heading', { level: 2, name: /按季度情况/ })).toBeVisible(slow);
  return page.locator(`a[href*="branch=${branchId}&kind=party_lecture&from=${quarterStart(beijingToday())}"]`).locator('xpath=..');
}

test('a secretary books, an admin schedules, the secretary confirms delivery and rates; the quarter’s 党课 turns met', async ({ browser }) => {
  const today = beijingToday();
  const secretary = await pageAs(browser, 'secretary2');

  // The secretary books from the menu.
  await secretary.goto('/admin');
  await secretary.getByRole('navigation', { name: '后台菜单' }).getByRole('link', { name: '送课预约' }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: '送课预约' })).toBeVisible(slow);
  await scanBothWidths(secretary);
  await secretary.getByRole('link', { name: '预约送课' }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: '预约送课' })).toBeVisible(slow);
  const branchOption = secretary.getByLabel('预约的党组织').locator('option', { hasText: BRANCH });
  const branchId = (await branchOption.getAttribute('value'))!;
  const lectures = (await secretary.getByLabel('党课', { exact: true }).locator('option').allTextContents()).filter((t) => t !== '请选择' && !t.startsWith('学思践悟党的创新理论'));
  const lecture = lectures[0]!;
  await scanBothWidths(secretary);

  // Refused first: a date that has passed, answered beside the field; what was typed stays.
  await secretary.getByLabel('党课', { exact: true }).selectOption({ label: lecture });
  await secretary.getByLabel('预约的党组织').selectOption(branchId);
  await secretary.getByLabel('希望的授课日期').fill(today);
  await secretary.getByLabel('授课地点').fill('财政局三楼会议室');
  await secretary.getByLabel('预计听课人数').fill('26');
  await secretary.getByRole('button', { name: '提交预约' }).click();
  await expect(secretary.getByText(/希望的授课日期须晚于今天/)).toBeVisible(slow);
  await expect(secretary.getByLabel('授课地点')).toHaveValue('财政局三楼会议室');
  await secretary.getByLabel('希望的授课日期').fill(`${addDays(today, 14)}、${addDays(today, 15)}`);
  await secretary.getByRole('button', { name: '提交预约' }).click();
  await expect(secretary).toHaveURL(/\/admin\/bookings\/\d+\?requested=1$/, slow);
  await expect(secretary.getByRole('status').filter({ hasText: '预约已提交' })).toBeVisible();
  const bookingUrl = new URL(secretary.url()).pathname;
  await scanBothWidths(secretary);

  const before = await lectureCell(secretary, branchId);
  await expect(before).toContainText('进行中');

  // The admin schedules it for today.
  const admin = await pageAs(browser, 'admin');
  await admin.goto(bookingUrl);
  await expect(admin.getByRole('heading', { level: 2, name: '安排授课' })).toBeVisible(slow);
  await admin.getByLabel('授课日期').fill(today);
  await admin.getByLabel('开始时间').fill('07:00');
  await admin.getByLabel('结束时间').fill('08:30');
  await admin.getByRole('button', { name: '保存安排' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已安排授课' })).toBeVisible(slow);
  await admin.reload();
  await expect(admin.getByText(`${today} 07:00–08:30`)).toBeVisible(slow);
  await scanBothWidths(admin);
  await admin.goto('/admin/seasons');
  await expect(admin.getByRole('heading', { level: 1, name: '四季送课' })).toBeVisible(slow);
  await scanBothWidths(admin);
  await admin.getByRole('link', { name: /年冬季送课$/ }).first().click();
  await expect(admin.getByRole('heading', { level: 2, name: '各单位送课情况' })).toBeVisible(slow);
  await scanBothWidths(admin);
  await admin.context().close();

  // The secretary confirms delivery with the attendance, then rates it.
  await secretary.goto(bookingUrl);
  await expect(secretary.getByRole('heading', { level: 2, name: '确认授课完成' })).toBeVisible(slow);
  await secretary.getByLabel('主持人').selectOption({ index: 1 });
  await secretary.getByLabel('记录人').selectOption({ index: 2 });
  await secretary.getByLabel('授课情况').fill('讲师围绕主题深入讲解，党员结合岗位交流体会。');
  await scanBothWidths(secretary);
  await secretary.getByRole('button', { name: '确认授课完成' }).click();
  await expect(secretary).toHaveURL(/\?delivered=1$/, slow);
  await expect(secretary.getByRole('link', { name: '查看党课记录' })).toBeVisible();
  await secretary.getByLabel('评分').selectOption('5');
  await secretary.getByLabel('评价意见').fill('联系实际，很受启发。');
  await secretary.getByRole('button', { name: '提交评价' }).click();
  // Rated once: the form gives way to the rating.
  await expect(secretary.getByText('5 分：联系实际，很受启发。')).toBeVisible(slow);
  await expect(secretary.getByRole('button', { name: '提交评价' })).toHaveCount(0);

  const after = await lectureCell(secretary, branchId);
  await expect(after).toContainText('达标');
  await expect(after).not.toContainText('未达标');
  await expect(after).not.toContainText('进行中');

  // The 党课 record in the record book names the lecturer as speaker.
  await secretary.goto(bookingUrl);
  await secretary.getByRole('link', { name: '查看党课记录' }).click();
  await expect(secretary.getByText(/（送课讲师）/)).toBeVisible(slow);
  await secretary.context().close();
});
