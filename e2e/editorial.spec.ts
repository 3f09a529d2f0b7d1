import { type Browser, type BrowserContext, expect, type Page, test as base } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { authFile, demoAccounts, type DemoRole } from './support/accounts';
import { ArticleEditorPage, ArticleListPage, beijingLocalValue, makePng, uniqueToken } from './support/editor';

// The editorial workflow (issue 5): writing, review, publishing, scheduling, concurrent edits,
// permissions in the UI, hostile input, autosave, accessibility. Every test makes its own
// articles with a unique token in the title, so runs and parallel workers never collide.
// Published articles go to columns the other specs do not read from a fixed position
// (reader.spec.ts opens the newest article of 基层风采, so nothing is published there).

type Fixtures = {
  /** A page signed in as `role`, in a context of its own, closed after the test. */
  asRole: (role: DemoRole) => Promise<Page>;
};

const test = base.extend<Fixtures>({
  asRole: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await newRoleContext(browser, role);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

const newRoleContext = (browser: Browser, role: DemoRole) => browser.newContext({ storageState: authFile(role) });

/** Counts every dialog a page opens (dismissing it), for the XSS checks. */
function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  return seen;
}

async function expectNotPublic(page: Page, slug: string) {
  const response = await page.request.get(`/articles/${slug}`, { maxRedirects: 0 });
  expect(response.status(), `/articles/${slug} before publishing`).toBe(404);
}

test('an editor writes and submits, the admin returns it with a comment, the editor resubmits, the admin publishes, readers find it', async ({ page, asRole }) => {
  test.slow();
  const token = uniqueToken();
  const title = `编辑流程测试稿件 ${token}`;
  const heading = '一、总体要求';
  const items = ['坚持问题导向，突出工作重点', '强化责任落实，确保取得实效'];
  const alt = `支部党员集中学习现场 ${token}`;
  const comment = '请补充第二部分的具体措施，并核对数据来源。';
  const fix = '二、具体措施：每月开展一次主题党日活动。';

  // The editor writes: a heading and a list from the toolbar, text from the keyboard, an image.
  const editorPage = await asRole('editor');
  const editor = new ArticleEditorPage(editorPage);
  await editor.gotoNew();
  await editor.fill({ title, column: '理论学习', summary: `本文介绍机关党支部理论学习的安排（${token}）。` });
  await editor.body.click();
  await editor.tool('二级标题').click();
  await editorPage.keyboard.type(heading);
  await expect(editor.tool('二级标题')).toHaveAttribute('aria-pressed', 'true');
  await editorPage.keyboard.press('Enter');
  await editorPage.keyboard.type('为深入推进机关党建工作，现就理论学习安排如下。');
  await editorPage.keyboard.press('Enter');
  await editor.tool('无序列表').click();
  await editorPage.keyboard.type(items[0]!);
  await editorPage.keyboard.press('Enter');
  await editorPage.keyboard.type(items[1]!);
  await editorPage.keyboard.press('Enter');
  await editorPage.keyboard.press('Enter'); // an empty item ends the list
  await editorPage.keyboard.type('各支部要结合实际认真抓好落实。');
  await expect(editor.body.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(editor.body.getByRole('list').getByRole('listitem')).toHaveText(items);

  // The image comes from the media library's picker: uploaded there, with alt text required.
  await editor.tool('插入图片').click();
  const picker = editorPage.getByRole('dialog', { name: '选择图片' });
  await expect(picker).toBeVisible();
  await picker.getByRole('button', { name: '上传新图片' }).click();
  await picker.getByLabel('图片文件').setInputFiles({ name: `e2e-${token}.png`, mimeType: 'image/png', buffer: await makePng() });
  await picker.getByRole('button', { name: '上传并使用' }).click();
  await expect.soft(picker.getByText(/请填写替代文本/)).toBeVisible();
  await picker.getByLabel('替代文本（必填）').fill(alt);
  // The file input may have been reset by the refused upload; give it the file again.
  if (!(await picker.getByLabel('图片文件').evaluate((input: HTMLInputElement) => input.files?.length ?? 0))) {
    await picker.getByLabel('图片文件').setInputFiles({ name: `e2e-${token}.png`, mimeType: 'image/png', buffer: await makePng() });
  }
  await picker.getByRole('button', { name: '上传并使用' }).click();
  await expect(picker).toBeHidden();
  const insertImage = editorPage.getByRole('group', { name: '插入图片' });
  await expect(insertImage.getByLabel('替代文字（供视障读者）')).toHaveValue(alt);
  await insertImage.getByRole('button', { name: '插入', exact: true }).click();
  await expect(editor.body.getByRole('img', { name: alt })).toBeVisible();

  const { id, slug } = await editor.create();
  await editor.expectStatus('草稿');
  await expect(editor.body.getByRole('img', { name: alt })).toBeVisible();
  await expectNotPublic(editorPage, slug);
  // An editor may submit but not publish.
  await expect(editor.workflowButton('发布')).toHaveCount(0);
  await editor.transition('提交审核', '已提交审核。', '待审核');
  await expectNotPublic(editorPage, slug);

  // The admin finds it under 待审核 and returns it with a comment.
  const adminPage = await asRole('admin');
  const list = new ArticleListPage(adminPage);
  await list.goto();
  await list.tab('待审核').click();
  await expect(list.tab('待审核')).toHaveAttribute('aria-current', 'page');
  await list.filterByTitle(token);
  await expect(list.row(title)).toContainText('待审核');
  await expect(list.row(title)).toContainText(demoAccounts.editor.displayName);
  await list.row(title).getByRole('link', { name: title }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/admin/articles/${id}$`));
  const admin = new ArticleEditorPage(adminPage);
  await admin.ready();
  await admin.expectStatus('待审核');
  await admin.workflowButton('退回修改').click();
  await expect(admin.workflow.getByText('请填写退回意见（至少 2 个字）。')).toBeVisible();
  await admin.workflow.getByRole('textbox', { name: '退回意见' }).fill(comment);
  await admin.workflowButton('退回修改').click();
  await expect(admin.workflowMessage).toHaveText('已退回修改，作者会看到您的意见。');
  await admin.expectStatus('草稿');

  // The editor sees the comment on the draft, fixes the text and submits again.
  await editor.goto(id);
  await editor.expectStatus('草稿');
  await expect(editor.workflow.getByRole('note', { name: '退回意见' })).toContainText(comment);
  await editor.typeParagraphs([fix]);
  await editor.saveNow();
  await editor.transition('提交审核', '已提交审核。', '待审核');
  await expect(editor.workflow.getByRole('note', { name: '退回意见' })).toHaveCount(0);
  await expectNotPublic(editorPage, slug);

  // The admin publishes.
  await admin.goto(id);
  await admin.expectStatus('待审核');
  await expect(admin.body).toContainText(fix);
  await admin.transition('发布', '已发布。', '已发布');
  await expect(admin.workflow.getByRole('link', { name: '查看公开页面' })).toHaveAttribute('href', `/articles/${slug}`);

  // A reader (not signed in) finds it on the home page, in its column, by search and in the feed.
  await page.goto('/');
  await expect(page.getByRole('region', { name: '理论学习' }).getByRole('link', { name: title })).toBeVisible();
  await page.goto('/columns/theory-study');
  await page.getByRole('main').getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  for (const item of items) await expect(article.getByRole('listitem').filter({ hasText: item })).toBeVisible();
  await expect(article).toContainText(fix);
  const image = article.getByRole('img', { name: alt, exact: true });
  await image.scrollIntoViewIfNeeded();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  await page.goto(`/search?q=${token}`);
  await expect(page.getByRole('heading', { name: `找到 1 条与“${token}”相关的结果` })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`));

  const feed = await page.request.get('/feed.xml');
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(xml).toContain(`<title>${title}</title>`);
  expect(xml).toContain(`/articles/${slug}</link>`);
});

test('a scheduled article stays hidden until its time and then appears by itself', async ({ page, asRole }) => {
  test.setTimeout(300_000);
  const token = uniqueToken();
  const title = `定时发布测试 ${token}`;
  // The next full minute at least 60 s ahead: still in the future when 发布 is clicked.
  const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);

  const admin = new ArticleEditorPage(await asRole('admin'));
  const { id } = await admin.createDraft({ title, column: '党风廉政', publishAt: beijingLocalValue(at) });
  await expect(admin.publishAt).toHaveValue(beijingLocalValue(at));
  const slug = await admin.slug.inputValue();
  await admin.transition('发布', '已排期，到发布时间后自动公开。', '已排期');
  await expect(admin.workflow).toContainText(`定时发布：${beijingLocalValue(at).replace('T', ' ')}`);

  const list = new ArticleListPage(admin.page);
  await list.goto('?status=scheduled');
  await expect(list.tab('已排期')).toHaveAttribute('aria-current', 'page');
  await expect(list.row(title)).toContainText(`定于 ${beijingLocalValue(at).replace('T', ' ')}`);

  await expectNotPublic(page, slug);
  await page.goto('/');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  // Public pages are cached for up to 60 s: poll until the article page answers, then the home page.
  const wait = at.getTime() - Date.now() + 150_000;
  await expect
    .poll(async () => (await page.request.get(`/articles/${slug}`, { maxRedirects: 0 })).status(), { timeout: wait, intervals: [5_000] })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  await expect
    .poll(
      async () => {
        await page.goto('/');
        return page.getByRole('region', { name: '党风廉政' }).getByRole('link', { name: title }).count();
      },
      { timeout: 150_000, intervals: [5_000] },
    )
    .toBe(1);
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Nobody flipped it: the editor shows it as published once its time has come.
  await admin.goto(id);
  await admin.expectStatus('已发布');
  await expect(admin.workflow.getByRole('link', { name: '查看公开页面' })).toHaveAttribute('href', `/articles/${slug}`);
});

test('two people edit one draft: the stale save is refused, the text kept, and overwriting keeps both versions', async ({ asRole }) => {
  const token = uniqueToken();
  const first = new ArticleEditorPage(await asRole('editor'));
  const { id } = await first.createDraft({ title: `并发编辑测试 ${token}`, column: '工作动态' });

  const second = new ArticleEditorPage(await asRole('admin'));
  await second.goto(id);

  // The editor saves first.
  const theirTitle = `并发编辑测试 ${token}（作者修改）`;
  await first.title.fill(theirTitle);
  await first.saveNow();

  // The admin, still on the version both opened, edits and saves: refused, the text stays.
  const myTitle = `并发编辑测试 ${token}（审核人修改）`;
  const myText = `审核人补充的一段文字 ${token}。`;
  await second.title.fill(myTitle);
  await second.typeParagraphs([myText]);
  await second.save.click();
  await expect(second.conflict).toBeVisible();
  await expect(second.conflict).toContainText(`保存未成功：${demoAccounts.editor.displayName}`);
  await expect(second.title).toHaveValue(myTitle);
  await expect(second.body).toContainText(myText);
  await expect(second.saveState).toHaveText('有未保存的修改');

  const theirs = second.conflict.getByRole('link', { name: '查看对方的修改（新窗口）' });
  await expect(theirs).toHaveAttribute('href', `/admin/articles/${id}/revisions`);
  await expect(theirs).toHaveAttribute('target', '_blank');
  const [popup] = await Promise.all([second.page.waitForEvent('popup'), theirs.click()]);
  await expect(popup.getByRole('heading', { level: 1, name: `版本记录：${theirTitle}` })).toBeVisible();
  await popup.close();
  await expect(second.title).toHaveValue(myTitle);

  await second.conflict.getByRole('button', { name: '用我的内容覆盖保存' }).click();
  await expect(second.formMessage).toHaveText('已保存。');
  await expect(second.conflict).toHaveCount(0);
  await expect(second.saveState).toHaveText(/^已保存（\d\d:\d\d:\d\d）$/);

  // Both saves are in the history; the default comparison shows one title against the other.
  await second.page.goto(`/admin/articles/${id}/revisions`);
  await expect(second.page.getByRole('heading', { level: 1, name: `版本记录：${myTitle}` })).toBeVisible();
  const rows = second.page.getByRole('table').first().getByRole('row');
  await expect(rows.filter({ hasText: `保存（${demoAccounts.editor.displayName}）` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `保存（${demoAccounts.admin.displayName}）` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `创建（${demoAccounts.editor.displayName}）` })).toHaveCount(1);
  const main = second.page.getByRole('main');
  await expect(main).toContainText('作者修改');
  await expect(main).toContainText('审核人修改');

  // The editor, on reload, gets the admin's text.
  await first.page.reload();
  await first.ready();
  await expect(first.title).toHaveValue(myTitle);
  await expect(first.body).toContainText(myText);
});

test('an editor is offered submit but not publish, return, archive or restore, and cannot open others\u2019 articles', async ({ asRole }) => {
  const token = uniqueToken();
  const editorPage = await asRole('editor');
  const editor = new ArticleEditorPage(editorPage);
  const { id } = await editor.createDraft({ title: `权限测试 ${token}`, column: '工作动态' });

  await editor.expectStatus('草稿');
  await expect(editor.workflowButton('提交审核')).toBeVisible();
  for (const name of ['发布', '归档', '恢复为草稿', '退回修改'] as const) await expect(editor.workflowButton(name), name).toHaveCount(0);
  await expect(editor.workflow.getByRole('textbox', { name: '退回意见' })).toHaveCount(0);

  // Once submitted, the text is the reviewer's: the editor only reads it.
  await editor.transition('提交审核', '已提交审核。', '待审核');
  await editor.page.reload();
  await expect(editorPage.getByRole('heading', { level: 1, name: '查看文章' })).toBeVisible();
  await editor.ready();
  await expect(editor.title).toBeDisabled();
  await expect(editor.body).toHaveAttribute('contenteditable', 'false');
  await expect(editor.save).toHaveCount(0);
  await expect(editor.workflow.getByRole('button')).toHaveCount(0);

  // The history is readable, but restoring a version is the admin's.
  await editorPage.goto(`/admin/articles/${id}/revisions`);
  await expect(editorPage.getByRole('heading', { level: 1, name: `版本记录：权限测试 ${token}` })).toBeVisible();
  await expect(editorPage.getByRole('button', { name: /^恢复/ })).toHaveCount(0);
  await expect(editorPage.getByRole('columnheader', { name: '恢复' })).toHaveCount(0);

  // An article of someone else does not exist for the editor.
  const admin = new ArticleEditorPage(await asRole('admin'));
  const { id: othersId } = await admin.createDraft({ title: `管理员的草稿 ${token}`, column: '工作动态' });
  for (const path of [`/admin/articles/${othersId}`, `/admin/articles/${othersId}/revisions`, `/admin/articles/${othersId}/preview`]) {
    const response = await editorPage.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await new ArticleListPage(editorPage).goto(`?q=${token}`);
  await expect(editorPage.getByRole('link', { name: `权限测试 ${token}` })).toBeVisible();
  await expect(editorPage.getByRole('link', { name: `管理员的草稿 ${token}` })).toHaveCount(0);
});

test('hostile title, summary, body, link and paste are stored as text and never run', async ({ page, asRole }) => {
  test.slow();
  const token = uniqueToken();
  const title = `${token} <script>window.__xss=1</script>"><svg onload=window.__xss=1>`;
  const summary = `摘要 <img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> "><svg onload=window.__xss=1>`;
  const bodyPayloads = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">', '"><svg onload=window.__xss=1>'];
  const pasted = '<a href="javascript:window.__xss=1">粘贴的链接</a><img src=x onerror=window.__xss=1>';

  const adminPage = await asRole('admin');
  const adminDialogs = recordDialogs(adminPage);
  const admin = new ArticleEditorPage(adminPage);
  await admin.gotoNew();
  await admin.fill({ title, column: '专题专栏', summary, paragraphs: [...bodyPayloads, '危险链接文字'] });

  // A javascript: link is refused by the link panel.
  await adminPage.keyboard.press('Shift+Home');
  await admin.tool('链接').click();
  await adminPage.getByLabel('链接地址').fill('javascript:window.__xss=1');
  await adminPage.getByRole('button', { name: '确定' }).click();
  await expect(adminPage.getByRole('alert').filter({ hasText: '链接须以 http://、https://、mailto: 或 / 开头。' })).toBeVisible();
  await adminPage.getByRole('button', { name: '取消' }).click();
  await expect(admin.body.getByRole('link')).toHaveCount(0);

  // Pasted HTML loses the javascript: link and the event handler, keeps the words.
  await admin.body.click();
  await adminPage.keyboard.press('ControlOrMeta+End');
  await adminPage.keyboard.press('Enter');
  await admin.body.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '粘贴的链接');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(admin.body).toContainText('粘贴的链接');
  await expect(admin.body.locator('a')).toHaveCount(0);
  await expect(admin.body.locator('[onerror], [onload], script, svg')).toHaveCount(0);
  expect(await adminPage.evaluate(() => (window as { __xss?: unknown }).__xss), 'editor').toBeUndefined();

  const { id, slug } = await admin.create();
  await expect(admin.title).toHaveValue(title);
  await expect(admin.summary).toHaveValue(summary);
  await admin.transition('发布', '已发布。', '已发布');
  await expect(admin.body.locator('a, [onerror], [onload], script, svg')).toHaveCount(0);

  const readerDialogs = recordDialogs(page);
  const noScriptRan = async (p: Page, where: string) => {
    await p.waitForLoadState('load');
    expect(await p.evaluate(() => (window as { __xss?: unknown }).__xss), where).toBeUndefined();
  };

  await page.goto(`/articles/${slug}`);
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(title);
  for (const payload of bodyPayloads) await expect(article.getByText(payload, { exact: true })).toBeVisible();
  await expect(article).toContainText('粘贴的链接');
  // Nothing of the payloads became markup (the page's own QR code is an <svg>, so look for theirs).
  await expect(page.locator('a[href^="javascript:" i], [onerror], [onload], img[src="x"]')).toHaveCount(0);
  await expect(page).toHaveTitle(new RegExp(`^${token} <script>`));
  await noScriptRan(page, 'article page');

  await page.goto('/');
  await expect(page.getByRole('region', { name: '专题专栏' }).getByRole('link', { name: title, exact: true })).toBeVisible();
  await noScriptRan(page, 'home page');

  await page.goto('/columns/special-topics');
  await expect(page.getByRole('main').getByRole('link', { name: title, exact: true })).toBeVisible();
  await noScriptRan(page, 'column page');

  await page.goto(`/search?q=${token}`);
  await expect(page.getByRole('main').getByRole('link', { name: title, exact: true })).toBeVisible();
  await noScriptRan(page, 'search results');

  await expect(admin.workflow.getByRole('link', { name: '预览' })).toHaveAttribute('href', `/admin/articles/${id}/preview`);
  await adminPage.goto(`/admin/articles/${id}/preview`);
  await expect(adminPage.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(adminPage.getByRole('article')).toContainText(bodyPayloads[0]!);
  await noScriptRan(adminPage, 'preview');

  // The feed carries the same text escaped; nothing in it is markup of the payloads.
  const xml = await (await page.request.get('/feed.xml')).text();
  expect(xml).toContain(token);
  for (const raw of ['<script>window.__xss', '<img src=x onerror', '<svg onload']) expect(xml).not.toContain(raw);

  expect(readerDialogs).toEqual([]);
  expect(adminDialogs).toEqual([]);
});

test('a draft saves itself, survives a reload, and leaving with unsaved changes asks first', async ({ asRole }) => {
  const token = uniqueToken();
  const editor = new ArticleEditorPage(await asRole('editor'));
  const { id } = await editor.createDraft({ title: `自动保存测试 ${token}`, column: '工作动态' });

  const typed = `自动保存的段落 ${token}`;
  await editor.typeParagraphs([typed]);
  await expect(editor.saveState).toHaveText('有未保存的修改');
  await expect(editor.saveState).toHaveText(/^已保存（自动保存于 \d\d:\d\d:\d\d）$/, { timeout: 15_000 });

  await editor.page.reload();
  await editor.ready();
  await expect(editor.body).toContainText(typed);
  await expect(editor.saveState).toHaveText('已保存');

  // An in-app link with unsaved changes asks; dismissing keeps the page and the text.
  const dialogs: string[] = [];
  editor.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const more = `尚未保存的文字 ${token}`;
  await editor.typeParagraphs([more]);
  await expect(editor.saveState).toHaveText('有未保存的修改');
  await editor.page.getByRole('link', { name: '← 返回文章列表' }).click();
  await expect.poll(() => dialogs).toEqual(['有未保存的修改，确定要离开吗？']);
  await expect(editor.page).toHaveURL(new RegExp(`/admin/articles/${id}(\\?created=1)?$`));
  await expect(editor.body).toContainText(more);
});

test('the list, the editor, the history and the preview pass the accessibility scan; the editor fits a phone', async ({ asRole }) => {
  test.slow();
  const token = uniqueToken();
  const page = await asRole('admin');
  const list = new ArticleListPage(page);
  await list.goto();
  await expect(list.tab('全部')).toHaveAttribute('aria-current', 'page');
  await expectNoSeriousA11yViolations(page);

  const editor = new ArticleEditorPage(page);
  const { id } = await editor.createDraft({ title: `无障碍测试 ${token}`, column: '工作动态', summary: '用于无障碍检查的摘要。' });
  await editor.title.fill(`无障碍测试 ${token}（修订）`);
  await editor.typeParagraphs(['第二版增加的一段正文。']);
  await editor.saveNow();
  await expectNoSeriousA11yViolations(page);

  await editor.workflow.getByRole('link', { name: '版本记录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `版本记录：无障碍测试 ${token}（修订）` })).toBeVisible();
  await expect(page.getByRole('table').first().getByRole('row')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/admin/articles/${id}/preview`);
  await expect(page.getByRole('note').filter({ hasText: '预览（草稿）' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `无障碍测试 ${token}（修订）` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 375, height: 740 });
  await editor.goto(id);
  await expect(editor.toolbar).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(376);
  await expectNoSeriousA11yViolations(page);
});
