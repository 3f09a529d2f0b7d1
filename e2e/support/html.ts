/**
 * How deeply <form> elements nest in server-rendered HTML. Browsers drop a nested <form> start tag
 * while parsing, so React's hydration then finds a different tree (error #418) and the inner form
 * never submits: a page must answer 1 (or 0).
 */
export function maxFormDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const [tag] of html.matchAll(/<\/?form\b/gi)) {
    depth += tag.startsWith('</') ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
}
