/**
 * Counts a reading once the cached page has loaded, so the page itself stays cacheable: our own
 * external script (public/reading-count.js, a few hundred bytes), no inline code, so the public
 * CSP needs no script allowance beyond this origin. Once per article per browser session.
 */
export function ReadingCounter({ slug }: { slug: string }) {
  return <script src="/reading-count.js" data-slug={slug} defer />;
}
