// Security headers. App Router pages (admin, login) get a strict policy with a fresh nonce
// (proxy.ts); Next.js puts it on its own scripts. Public pages are plain HTML with no framework
// script (docs/public-pages.md): their policy allows scripts and styles from this origin only,
// with no inline allowance of any kind.

const common = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self'",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export function strictCsp(nonce: string, dev = false): string {
  return [...common, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`].join('; ');
}

export function publicCsp(): string {
  return [...common.filter((d) => !d.startsWith('style-src')), "style-src 'self'", "script-src 'self'"].join('; ');
}

export const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** HSTS only where the request arrived over HTTPS (a TLS-terminating proxy says so). */
export const hstsHeader = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' };
