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

test('public pages carry no framework script and a policy with no inline allowance', async ({ page, request }) => {
  for (const path of ['/', '/columns/work-news', '/columns/work-news?page=2', '/articles/2025-12-digital-newscast-year-review', '/search?q=党建', '/about', '/no-such-page']) {
    const response = await request.get(path);
    expect([200, 404], path).toContain(response.status());
    const csp = expectCommonHeaders(response);
    expect(csp.get('script-src'), path).toEqual(["'self'"]);
    expect(csp.get('style-src'), path).toEqual(["'self'"]);
    expect(response.headers()['content-security-policy'], path).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await response.text();
    expect(html, path).not.toContain('/_next/');
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    for (const tag of scripts) expect(tag, path).toMatch(/^<script (type="application\/ld\+json"|src="\/reading-count\.js" data-slug="[a-z0-9-]+" defer="")>$/);
  }

  // In the browser: the page loads no script but the reading counter, which counts under the policy.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const counted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/articles/2025-12-digital-newscast-year-review/views'));
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/articles/2025-12-digital-newscast-year-review');
  await counted;
  expect(scripts).toEqual(['/reading-count.js']);
  expect(violations).toEqual([]);
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
