import { type NextRequest, NextResponse } from 'next/server';

// A convenience, not security: a signed-out visitor of /admin is sent to the login page with
// the way back. Access control lives in every page, query and action, which check the session
// and permissions themselves. (Public pages stay out of the matcher: running the proxy on
// them halved the throughput of cached article pages.)
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/admin', '/admin/:path*'] };
