const FALLBACK = '/admin';

// A path is same-site only if a browser resolving it stays on this origin: no scheme, no
// authority (`//host`), no backslash (browsers read `/\host` as `//host`), no control characters.
const sameSitePath = (path: string) => path.startsWith('/') && !path.startsWith('//') && !/[\\\u0000-\u001f\u007f]/.test(path);

/**
 * A same-site path to return to after login; anything else (other hosts, odd schemes) → /admin.
 * The value returned is the normalized one, so the check runs on it too: `/.//evil.com`
 * normalizes to `//evil.com`, which a browser would follow off-site.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string') return FALLBACK;
  const value = raw.trim();
  if (!sameSitePath(value)) return FALLBACK;
  try {
    const url = new URL(value, 'http://portal.invalid');
    const path = `${url.pathname}${url.search}`;
    return url.host === 'portal.invalid' && sameSitePath(path) ? path : FALLBACK;
  } catch {
    return FALLBACK;
  }
}
