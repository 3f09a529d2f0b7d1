/** A same-site path to return to after login; anything else (other hosts, odd schemes) → /admin. */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string') return '/admin';
  const value = raw.trim();
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f]/.test(value)) return '/admin';
  try {
    const url = new URL(value, 'http://portal.invalid');
    return url.host === 'portal.invalid' ? `${url.pathname}${url.search}` : '/admin';
  } catch {
    return '/admin';
  }
}
