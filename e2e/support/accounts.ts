import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';

// The demo accounts seeded into the throwaway e2e database (tasks/seed/demo-org.ts).
export const DEMO_PASSWORD = 'portal-demo';

export const demoAccounts = {
  admin: { username: 'admin', displayName: '工委办公室 周明', roleLabel: '工委管理员' },
  editor: { username: 'editor', displayName: '宣传科 林晓', roleLabel: '宣传编辑' },
  secretary: { username: 'secretary', displayName: '支部书记 陈思远', roleLabel: '支部书记' },
  // The 财政局 unit organization's secretary: another subtree than `secretary`.
  secretary2: { username: 'secretary2', displayName: '机关党委书记 韩振东', roleLabel: '支部书记' },
  auditor: { username: 'auditor', displayName: '督查室 赵敏', roleLabel: '纪检督查' },
} as const;

export type DemoRole = keyof typeof demoAccounts;
export const demoRoles = Object.keys(demoAccounts) as DemoRole[];

/** Storage state saved by auth.setup.ts; test-results/ is emptied at the start of every run. */
export const authFile = (role: DemoRole) => fileURLToPath(new URL(`../../test-results/.auth/${role}.json`, import.meta.url));

/** A user name no earlier run on the same server has taken (3–32 lower-case characters). */
export const uniqueUsername = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A new page in its own browser context, signed in as `role` (the setup project's saved session). */
export async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(role) });
  return context.newPage();
}
