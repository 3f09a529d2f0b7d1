import { type NextRequest, NextResponse } from 'next/server';
import { currentSlugFor } from '@/lib/news/redirects';

// Two conveniences, no security: an article's old slug answers 301 to its current one, and a
// signed-out visitor of /admin is sent to the login page with the way back. Access control
// lives in every page, query and action, which check the session and permissions themselves.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/admin')) {
    if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const slug = pathname.split('/')[2];
  const target = slug ? await currentSlugFor(slug).catch(() => null) : null;
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/articles/${target}`;
  return NextResponse.redirect(url, 301);
}

export const config = { matcher: ['/articles/:slug', '/admin', '/admin/:path*'] };
