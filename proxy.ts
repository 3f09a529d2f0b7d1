import { type NextRequest, NextResponse } from 'next/server';
import { strictCsp } from '@/lib/security/headers';

// Runs on pages rendered per request only (public pages are cached and stay out of the
// matcher: running the proxy on them halved their throughput). It does two things, neither of
// them access control, which lives in every page, query and action:
// - a fresh CSP nonce per response, which Next.js applies to its scripts;
// - a signed-out visitor of /admin is sent to the login page with the way back.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const dev = process.env.NODE_ENV === 'development';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/admin') && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const csp = strictCsp(Buffer.from(crypto.randomUUID()).toString('base64'), dev);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    { source: '/admin/:path*', missing: [{ type: 'header', key: 'next-router-prefetch' }] },
    { source: '/admin', missing: [{ type: 'header', key: 'next-router-prefetch' }] },
    '/login',
    '/logout',
    '/search',
  ],
};
