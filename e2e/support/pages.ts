import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel('用户名', { exact: true });
    this.password = page.getByLabel('密码', { exact: true });
    this.submit = page.getByRole('button', { name: '登录' });
    this.message = page.locator('form').getByRole('status');
  }

  async goto(query = '') {
    await this.page.goto(`/login${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: '登录管理后台' })).toBeVisible();
  }

  async signIn(username: string, password: string) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** The admin frame around every /admin page: who is signed in, the menu, sign-out. */
export class AdminShell {
  readonly header: Locator;
  readonly menu: Locator;
  readonly logout: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.menu = page.getByRole('navigation', { name: '后台菜单' });
    this.logout = page.getByRole('button', { name: '退出登录' });
  }

  async expectSignedInAs(displayName: string, roleLabel: string) {
    await expect(this.header.getByText(`${displayName}（${roleLabel}）`, { exact: true })).toBeVisible();
  }

  async expectMenu(labels: string[]) {
    await expect(this.menu.getByRole('link')).toHaveText(labels);
  }

  async signOut() {
    await this.logout.click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}

/** 用户管理: the list with its search, and the create form. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async search(query: string) {
    const form = this.page.getByRole('search');
    await form.getByLabel('搜索用户名或姓名').fill(query);
    await form.getByRole('button', { name: '搜索' }).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query)}`));
  }

  row(username: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: username, exact: true }) });
  }

  async fillNewUser(values: { username: string; displayName: string; roleLabel: string; password: string }) {
    await this.page.getByLabel('用户名', { exact: true }).fill(values.username);
    await this.page.getByLabel('姓名', { exact: true }).fill(values.displayName);
    await this.page.getByLabel('角色', { exact: true }).selectOption({ label: values.roleLabel });
    await this.page.getByLabel('初始密码', { exact: true }).fill(values.password);
  }

  /** New user through the admin UI; returns the new user's id, read from the detail page address. */
  async createUser(values: { username: string; displayName: string; roleLabel: string; password: string }): Promise<number> {
    await this.page.goto('/admin/users/new');
    await this.fillNewUser(values);
    await this.page.getByRole('button', { name: '保存' }).click();
    await expect(this.page).toHaveURL(/\/admin\/users\/\d+\?created=1$/);
    await expect(this.page.getByRole('heading', { level: 1, name: `${values.displayName}（${values.username}）` })).toBeVisible();
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }
}
