import { expect, test } from '@playwright/test';
import { scanBothWidths } from './support/a11y';
import { pageAs } from './support/accounts';
import { uniqueToken } from './support/editor';

// The 大讲堂 as its users meet it: the admin schedules a session; the demo secretary registers two
// members of their branch and sees only their own unit's list; the admin confirms attendance of a
// session already held. Axe at 1280 and 375 px on every page.

test.describe.configure({ timeout: 300_000 });

test('the admin schedules a session, the secretary registers two members, the admin confirms a held one', async ({ browser }) => {
  const theme = `机关大讲堂测试 ${uniqueToken()}`;
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin');
  await admin.getByRole('navigation').getByRole('link', { name: '大讲堂', exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '大讲堂' })).toBeVisible();
  await scanBothWidths(admin);
  await admin.getByRole('link', { name: '新增场次' }).click();
  await admin.getByLabel('日期').fill('2030-06-18');
  await admin.getByLabel('开始时间').fill('14:30');
  await admin.getByLabel('主题').fill(theme);
  await admin.getByLabel('主讲人').fill('市委党校教授');
  await admin.getByLabel('地点').fill('机关大讲堂');
  await admin.getByLabel('容量（选填）').fill('abc');
  await admin.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByText('容量应为整数。')).toBeVisible();
  await admin.getByLabel('容量（选填）').fill('200');
  await admin.getByLabel('学时（选填）').fill('2');
  await admin.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: theme })).toBeVisible();
  await expect(admin.getByText('场次已创建')).toBeVisible();
  await expect(admin.getByText('2030-06-18 14:30', { exact: false })).toBeVisible();
  const sessionUrl = admin.url().replace(/\?.*$/, '');
  await scanBothWidths(admin);

  const secretary = await pageAs(browser, 'secretary');
  await secretary.goto(sessionUrl);
  await expect(secretary.getByRole('heading', { level: 2, name: '报名', exact: true })).toBeVisible();
  const boxes = secretary.getByRole('group', { name: /的党员$/ }).getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(secretary.getByText(/已选 2 \//)).toBeVisible();
  await secretary.getByRole('button', { name: '保存报名' }).click();
  await expect(secretary.getByText('报名已更新：新增 2 人，取消 0 人。')).toBeVisible();
  await expect(secretary.getByRole('heading', { level: 2, name: '本单位报名名单' })).toBeVisible();
  await expect(secretary.getByRole('table', { name: '报名名单' }).getByRole('row')).toHaveCount(3);
  await scanBothWidths(secretary);

  // A held session of the demo: the admin ticks who came; the list then reads 出席 / 缺席.
  await admin.goto('/admin/hall?when=past');
  await admin.getByRole('link', { name: '党内法规与机关日常工作' }).click();
  await expect(admin.getByRole('heading', { level: 2, name: '确认出席' })).toBeVisible();
  await admin.getByRole('button', { name: '全不选' }).click();
  await admin.getByRole('group', { name: '出席人员' }).getByRole('checkbox').first().check();
  await admin.getByRole('button', { name: '确认出席' }).click();
  await expect(admin.getByText(/出席已确认：出席 1 人，缺席 \d+ 人/)).toBeVisible();
  await expect(admin.getByRole('table', { name: '报名名单' })).toContainText('出席');
  await scanBothWidths(admin);
});
