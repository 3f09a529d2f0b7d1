import { type Browser, expect, test } from '@playwright/test';
import { scanBothWidths } from './support/a11y';
import { authFile } from './support/accounts';

// Training as the work committee's office runs it: a round for the secretaries of two units
// (发改委 and 财政局) is created (a wrong end date refused next to its field first), a session is
// added, an attendance sheet with one unknown name is previewed and refused, the fixed sheet is
// imported, and the session's attendance shows it. Axe at 1280 and 375 px on every page visited.

test.describe.configure({ timeout: 300_000 });

const ROUND = `2026年度机关基层党组织书记轮训班（端到端${Date.now() % 100000}）`;
const UNITS = ['中共江州市发展和改革委员会机关委员会', '中共江州市财政局机关委员会'];

async function adminPage(browser: Browser) {
  const context = await browser.newContext({ storageState: authFile('admin') });
  return context.newPage();
}

const csv = (lines: string[]) => ({ name: 'sign-in.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf8') });

test('an admin trains two units’ secretaries and imports a fixed attendance sheet', async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto('/admin');
  await page.getByRole('navigation').getByRole('link', { name: '培训', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '培训班' })).toBeVisible();
  await expect(page.getByRole('table', { name: /培训班/ }).getByRole('link', { name: '2025年度全市机关基层党组织书记轮训班' })).toBeVisible();
  await scanBothWidths(page);

  await page.getByRole('link', { name: '新建培训班' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新建培训班' })).toBeVisible();
  await page.getByLabel('班次名称').fill(ROUND);
  await page.getByLabel('培训类型').selectOption({ label: '轮训班' });
  await page.getByLabel('培训对象').selectOption({ label: '党组织书记' });
  await page.getByLabel('开始日期').fill('2026-06-01');
  await page.getByLabel('结束日期').fill('2026-05-01');
  await page.getByLabel('结业所需学时').fill('8');
  await page.getByRole('button', { name: '创建培训班' }).click();
  await expect(page.getByText('结束日期不能早于开始日期。')).toBeVisible();
  await expect(page.getByLabel('结束日期')).toHaveAttribute('aria-invalid', 'true');
  await scanBothWidths(page);
  await page.getByLabel('结束日期').fill('2026-06-30');
  await page.getByRole('button', { name: '创建培训班' }).click();
  await expect(page).toHaveURL(/\/admin\/training\/rounds\/\d+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: ROUND })).toBeVisible();
  const roundUrl = page.url().replace(/\?.*$/, '');

  // The secretaries in post of two units, each in one step.
  const enrolForm = page.getByRole('form', { name: '按单位报名' });
  for (const unit of UNITS) {
    await page.reload();
    const value = await enrolForm
      .getByLabel('单位或党组织（含下级）')
      .locator('option')
      .evaluateAll((options, name) => (options as HTMLOptionElement[]).find((o) => o.textContent?.trim() === name)?.value ?? '', unit);
    await enrolForm.getByLabel('单位或党组织（含下级）').selectOption(value);
    await enrolForm.getByRole('button', { name: '全部报名' }).click();
    await expect(enrolForm.getByRole('status').filter({ hasText: /^已报名 [1-9]\d* 人。$/ })).toBeVisible();
  }
  await page.reload();
  const trainees = page.getByRole('table', { name: /学员/ });
  await expect(trainees.getByRole('row').filter({ hasText: '陈思远' })).toHaveCount(1);
  await expect(trainees.getByRole('row').filter({ hasText: '韩振东' })).toHaveCount(1);
  await scanBothWidths(page);

  await page.locator('summary', { hasText: '添加课次' }).click();
  const sessionForm = page.getByRole('form', { name: '新增课次' });
  await sessionForm.getByLabel('上课日期').fill('2026-07-02');
  await sessionForm.getByLabel('学时').fill('4');
  await sessionForm.getByLabel('课程主题').fill('学习贯彻党章和党内法规');
  await sessionForm.getByRole('button', { name: '添加课次' }).click();
  await expect(sessionForm.getByText('课次日期须在培训班的日期之内（2026-06-01 至 2026-06-30）。')).toBeVisible();
  await sessionForm.getByLabel('上课日期').fill('2026-06-02');
  await sessionForm.getByRole('button', { name: '添加课次' }).click();
  await expect(page).toHaveURL(/\/sessions\/\d+\?created=1$/);
  await expect(page.getByRole('heading', { level: 1, name: /学习贯彻党章和党内法规/ })).toBeVisible();
  await scanBothWidths(page);

  // A sheet with one name nobody has: listed, and nothing can be imported.
  const upload = page.getByRole('form', { name: '上传签到表' });
  await upload.getByLabel('签到表（XLSX 或 CSV）').setInputFiles(csv(['姓名,单位', '陈思远,发改委', '韩振东,财政局', '王查无,财政局']));
  await upload.getByRole('button', { name: '预览' }).click();
  const preview = page.getByRole('table', { name: '签到表各行的匹配结果' });
  await expect(preview.getByRole('row').filter({ hasText: '王查无' }).filter({ hasText: '名册中查无此人' })).toHaveCount(1);
  await expect(preview.getByRole('row').filter({ hasText: '陈思远' }).filter({ hasText: '已匹配' })).toHaveCount(1);
  await expect(page.getByText('共 3 行，1 行无法匹配，请修改签到表后重新上传。')).toBeVisible();
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  await scanBothWidths(page);

  // The fixed sheet imports both rows.
  await upload.getByLabel('签到表（XLSX 或 CSV）').setInputFiles(csv(['姓名,单位', '陈思远,发改委', '韩振东,财政局']));
  await upload.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText('共 2 行，全部匹配。请核对后确认导入。')).toBeVisible();
  await page.getByRole('button', { name: '确认导入 2 人' }).click();
  await expect(page.getByRole('form', { name: '确认导入' }).getByRole('status').filter({ hasText: '已导入出勤 2 人。' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/学员 \d+ 人，出席 2 人/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /陈思远/ })).toBeChecked();
  await scanBothWidths(page);

  await page.goto(roundUrl);
  await expect(page.getByRole('table', { name: /学员/ }).getByRole('row').filter({ hasText: '陈思远' })).toContainText('4 / 8');
  await page.getByRole('link', { name: /结业证书名单/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${ROUND} 结业证书名单` })).toBeVisible();
  await scanBothWidths(page);
});
