import { type NextRequest, NextResponse } from 'next/server';
import { currentSlugFor } from '@/lib/news/redirects';

// Answers an article's old slug with a 301 to its current one. Access control does not live
// here: every action and query checks permissions itself.
export async function proxy(request: NextRequest) {
  const slug = request.nextUrl.pathname.split('/')[2];
  if (!slug) return NextResponse.next();
  const target = await currentSlugFor(slug).catch(() => null);
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/articles/${target}`;
  return NextResponse.redirect(url, 301);
}

export const config = { matcher: '/articles/:slug' };
