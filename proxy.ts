import { type NextRequest, NextResponse } from 'next/server';
import { clientIp } from '@/lib/auth/client-ip';
import { parsePage } from '@/lib/pagination/offset';
import { admitSearch, SEARCH_LEASE_HEADER } from '@/lib/search/guard';
import { searchRefusal } from '@/lib/search/refusal';
import { hstsHeader, strictCsp } from '@/lib/security/headers';

// Runs on pages rendered per request only (public pages are cached and stay out of the
// matcher: running the proxy on them halved their throughput). It does two things, neither of
// them access control, which lives in every page, query and action:
// - a fresh CSP nonce per App Router response, which Next.js applies to its scripts (the search
//   page is a plain HTML route handler with the public policy of next.config.ts);
// - a signed-out visitor of /admin is sent to the login page with the way back;
// - a search is admitted or refused (429, 503) here, since a page cannot choose its status.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const dev = process.env.NODE_ENV === 'development';

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  if (pathname.startsWith('/admin') && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const csp = pathname === '/search' ? null : strictCsp(Buffer.from(crypto.randomUUID()).toString('base64'), dev);
  const requestHeaders = new Headers(request.headers);
  if (csp) requestHeaders.set('content-security-policy', csp);
  requestHeaders.delete(SEARCH_LEASE_HEADER);
  // A router prefetch renders no results (they sit below the loading boundary): not a search.
  if (pathname === '/search' && !request.headers.has('next-router-prefetch')) {
    const admission = await admitSearch({
      query: (searchParams.get('q') ?? '').trim().slice(0, 100),
      columnSlug: searchParams.get('column') || undefined,
      page: parsePage(searchParams.get('page') ?? undefined),
      client: clientIp(request.headers),
      // Aborts only when the client disconnects before the response ends.
      signal: request.signal,
    });
    if (admission.kind === 'busy' || admission.kind === 'limited') {
      const refusal = searchRefusal(admission.kind, admission.retryAfterSeconds, pathname + search);
      if (request.headers.get('x-forwarded-proto') === 'https') refusal.headers.set(hstsHeader.key, hstsHeader.value);
      return refusal;
    }
    if (admission.kind === 'lease') requestHeaders.set(SEARCH_LEASE_HEADER, admission.lease);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set('Content-Security-Policy', csp);
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
