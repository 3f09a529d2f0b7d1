import { type APIResponse, expect, test } from '@playwright/test';
import { authFile, DEMO_PASSWORD } from './support/accounts';
import { LoginPage } from './support/pages';

function directives(csp: string | undefined): Map<string, string[]> {
  expect(csp, 'Content-Security-Policy').toBeTruthy();
  return new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectCommonHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['permissions-policy']).toBeTruthy();
  expect(headers['x-powered-by']).toBeUndefined();
  const csp = directives(headers['content-security-policy']);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  return csp;
}

/** The nonce of the admin policy, checked to be the one on the page's own scripts. */
async function adminNonce(response: APIResponse): Promise<string> {
  expect(response.status()).toBe(200);
  const scriptSrc = expectCommonHeaders(response).get('script-src') ?? [];
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const nonces = scriptSrc.filter((s) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(s));
  expect(nonces).toHaveLength(1);
  const nonce = nonces[0]!.slice("'nonce-".length, -1);
  expect(await response.text()).toContain(`nonce="${nonce}"`);
  return nonce;
}

test('a public page sends the security headers and a policy that forbids framing and plugins', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  expectCommonHeaders(response);
});

test.describe('signed in as admin', () => {
  test.use({ storageState: authFile('admin') });

  test('the admin area has a fresh script nonce on every response and no inline-script allowance', async ({ page }) => {
    const first = await page.request.get('/admin', { maxRedirects: 0 });
    const second = await page.request.get('/admin', { maxRedirects: 0 });
    await expect(first.text()).resolves.toContain('工作台');
    expect(await adminNonce(first)).not.toBe(await adminNonce(second));

    // The page itself, as the browser loads it, carries the same headers and runs.
    const response = await page.goto('/admin');
    expectCommonHeaders(response!);
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  });
});

test('the login page has a nonce policy too, and the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  const login = new LoginPage(page);
  const response = await page.request.get('/login');
  await adminNonce(response);

  await login.goto();
  await login.signIn('editor', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  const session = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token');
  expect(session, 'session cookie').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  expect(session!.path).toBe('/');
  expect(errors).toEqual([]);
});
