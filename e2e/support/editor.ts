import { expect, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';

/** A token no earlier run has used: lower-case letters and digits, one search word on its own. */
export const uniqueToken = (prefix = 'zx') => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** "YYYY-MM-DDTHH:mm" in Beijing time, as the 发布时间 datetime-local input takes it. */
export function beijingLocalValue(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** A small PNG, made fresh for each upload (the library keeps every file it is given). */
export async function makePng(color = '#b22222', width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

export type DraftValues = {
  title: string;
  /** The column's name as the select shows it. */
  column: string;
  summary?: string;
  slug?: string;
  publishAt?: string;
  /** Paragraphs typed into the body, one Enter apart. */
  paragraphs?: string[];
};

/** /admin/articles/new and /admin/articles/<id>: the form, the body editor and the 发布流程 panel. */
export class ArticleEditorPage {
  readonly title: Locator;
  readonly summary: Locator;
  readonly column: Locator;
  readonly publishAt: Locator;
  readonly slug: Locator;
  readonly body: Locator;
  readonly toolbar: Locator;
  readonly save: Locator;
  readonly saveState: Locator;
  readonly formMessage: Locator;
  readonly workflow: Locator;
  readonly workflowMessage: Locator;
  readonly conflict: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByLabel('标题', { exact: true });
    this.summary = page.getByLabel('摘要', { exact: true });
    this.column = page.getByLabel('栏目', { exact: true });
    this.publishAt = page.getByLabel('发布时间', { exact: true });
    this.slug = page.getByLabel('网址别名', { exact: true });
    this.body = page.getByRole('textbox', { name: '正文', exact: true });
    this.toolbar = page.getByRole('toolbar', { name: '正文格式' });
    this.save = page.getByRole('button', { name: '保存', exact: true });
    this.saveState = page.locator('#editor-status');
    this.formMessage = page.locator('form[aria-describedby="editor-status"]').getByRole('status');
    this.workflow = page.getByRole('complementary', { name: '发布流程' });
    this.workflowMessage = this.workflow.getByRole('status');
    this.conflict = page.getByRole('alert').filter({ hasText: '保存未成功' });
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  workflowButton(name: '提交审核' | '发布' | '归档' | '恢复为草稿' | '退回修改'): Locator {
    return this.workflow.getByRole('button', { name, exact: true });
  }

  /** The body editor is rendered on the client only: once it is there, the form is live. */
  async ready() {
    await expect(this.body).toBeVisible();
    await expect(this.body).toHaveAttribute('contenteditable', /true|false/);
  }

  async gotoNew() {
    await this.page.goto('/admin/articles/new');
    await expect(this.page.getByRole('heading', { level: 1, name: '新建文章' })).toBeVisible();
    await this.ready();
  }

  async goto(id: number) {
    await this.page.goto(`/admin/articles/${id}`);
    await expect(this.page.getByRole('heading', { level: 1, name: /^(编辑|查看)文章$/ })).toBeVisible();
    await this.ready();
  }

  async expectStatus(label: string) {
    await expect(this.workflow.getByText(/^状态：/)).toHaveText(`状态：${label}`);
  }

  /** Types paragraphs at the end of the body, with the keyboard. */
  async typeParagraphs(paragraphs: string[]) {
    await this.body.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    for (const [i, text] of paragraphs.entries()) {
      if (i > 0 || (await this.bodyText()).trim() !== '') await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(text);
    }
  }

  async bodyText(): Promise<string> {
    return (await this.body.textContent()) ?? '';
  }

  async fill(values: Partial<DraftValues>) {
    if (values.title !== undefined) await this.title.fill(values.title);
    if (values.column !== undefined) await this.column.selectOption({ label: values.column });
    if (values.summary !== undefined) await this.summary.fill(values.summary);
    if (values.slug !== undefined) await this.slug.fill(values.slug);
    if (values.publishAt !== undefined) await this.publishAt.fill(values.publishAt);
    if (values.paragraphs) await this.typeParagraphs(values.paragraphs);
  }

  /** Saves a new article; returns its id and slug (generated when none was given). */
  async create(): Promise<{ id: number; slug: string }> {
    await this.save.click();
    await expect(this.page).toHaveURL(/\/admin\/articles\/\d+\?created=1$/);
    await expect(this.page.getByRole('status').filter({ hasText: '文章已创建' })).toBeVisible();
    await this.ready();
    const id = Number(new URL(this.page.url()).pathname.split('/').pop());
    const slug = await this.slug.inputValue();
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    return { id, slug };
  }

  /** A new draft with the given fields, saved once. */
  async createDraft(values: DraftValues): Promise<{ id: number; slug: string }> {
    await this.gotoNew();
    await this.fill({ paragraphs: ['这是一篇用于端到端测试的文章正文。'], ...values });
    return this.create();
  }

  /** A manual save of an existing article. */
  async saveNow() {
    await this.save.click();
    await expect(this.formMessage).toHaveText(/^已保存/);
    await expect(this.saveState).toHaveText(/^已保存（\d\d:\d\d:\d\d）$/);
  }

  async transition(name: '提交审核' | '发布' | '归档' | '恢复为草稿', message: string | RegExp, status: string) {
    await this.workflowButton(name).click();
    await expect(this.workflowMessage).toHaveText(message);
    await this.expectStatus(status);
  }
}

/** /admin/articles: status tabs, filters, the table. */
export class ArticleListPage {
  readonly tabs: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('navigation', { name: '按状态筛选' });
  }

  async goto(query = '') {
    await this.page.goto(`/admin/articles${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: '文章管理' })).toBeVisible();
  }

  tab(label: '全部' | '草稿' | '待审核' | '已排期' | '已发布' | '已归档'): Locator {
    return this.tabs.getByRole('link', { name: new RegExp(`^${label}\\s*\\d+$`) });
  }

  async filterByTitle(text: string) {
    const form = this.page.getByRole('search', { name: '筛选文章' });
    await form.getByLabel('标题包含').fill(text);
    await form.getByRole('button', { name: '筛选' }).click();
    await expect(this.page).toHaveURL(/[?&]q=/);
  }

  row(title: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}
