import 'server-only';
import { revalidatePath } from 'next/cache';
import { dropSearchCache } from '@/lib/search/guard';

/**
 * Drops the cached public pages an editorial change affects, so the next request shows it:
 * the home page, the article, its column (every page of it) and, when a slug changed, the old
 * address too (pass both slugs), whose cached page becomes the redirect. Feeds and the sitemap are rendered per request and need nothing.
 * Cached search results are dropped whole: any of them may hold the article.
 */
export function revalidatePublicNews({ articleSlugs = [], columnSlugs = [] }: { articleSlugs?: string[]; columnSlugs?: string[] }) {
  dropSearchCache();
  revalidatePath('/');
  for (const slug of articleSlugs) revalidatePath(`/articles/${slug}`);
  for (const slug of columnSlugs) revalidatePath(`/columns/${slug}`);
  // Later pages of a column (`?page=N`) shift when one article is added: drop them all. A route
  // pattern names the route group: cache tags are built from the app path. The pages are route
  // handlers (…/[page]/route), whose implicit tags name each folder as a layout, never a page.
  if (columnSlugs.length > 0) revalidatePath('/(public)/columns/[slug]/page/[page]', 'layout');
}

/** Drops every cached page: for changes to what the shared layout shows (the column navigation). */
export function revalidateWholeSite() {
  dropSearchCache();
  revalidatePath('/', 'layout');
}
