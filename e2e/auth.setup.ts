import { expect, test as setup } from '@playwright/test';
import { authFile, DEMO_PASSWORD, demoAccounts, demoRoles } from './support/accounts';
import { LoginPage } from './support/pages';

// Each demo role signs in once; the specs reuse the saved session. Specs that sign out or
// change a password sign in on their own, so these sessions stay valid for the whole run.
for (const role of demoRoles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoAccounts[role].username, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    await page.context().storageState({ path: authFile(role) });
  });
}
