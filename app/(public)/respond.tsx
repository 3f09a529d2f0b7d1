import 'server-only';
import { PageMessage } from '@/components/site/PageMessage';
import { type PageMeta, PublicDocument } from '@/components/site/PublicDocument';
import { htmlResponse } from '@/components/site/render';
import { listVisibleColumns } from '@/lib/news/queries';

// How every public route handler answers: a whole HTML document, rendered on the server with no
// client runtime (docs/public-pages.md). Data is loaded first, then rendered.

type Options = {
  status?: number;
  tail?: React.ReactNode;
  headers?: Record<string, string>;
  withNavigation?: boolean;
  /** The column navigation when the page has read it already (React's cache() does not dedupe in a route handler). */
  columns?: { slug: string; name: string }[];
};

/** A public page with the site header; the column navigation is read unless given or `withNavigation: false`. */
export async function publicPage(meta: PageMeta, body: React.ReactNode, { status, tail, headers, withNavigation = true, columns: known }: Options = {}) {
  const columns = withNavigation ? (known ?? (await listVisibleColumns())) : null;
  return htmlResponse(
    <PublicDocument meta={meta} columns={columns} tail={tail}>
      {body}
    </PublicDocument>,
    { status, headers },
  );
}

/** The Chinese 404 page. Cached like the page that answered it, so a later publish replaces it. */
export function notFoundPage() {
  return publicPage(
    { title: '页面不存在', robots: 'noindex' },
    <PageMessage title="页面不存在" text="您访问的页面不存在或已被移除，请检查网址，或从首页重新进入。" />,
    { status: 404 },
  );
}

/**
 * Runs a public page's handler; a failure answers the Chinese error page, which reads no data.
 * Next.js hands a cached route's answer to the page cache whatever its status; the cache refuses
 * a 5xx (lib/cache/shared-cache-handler.mjs), so the next reader gets a fresh render and the
 * copy stored before, if any, keeps serving. (Revalidating the address after the response, as
 * this did before, came too late: the error page was stored and served for the page's whole
 * revalidate time, and the revalidation told every other instance to drop its good copy.)
 */
export async function orErrorPage(path: string, render: () => Promise<Response>): Promise<Response> {
  try {
    return await render();
  } catch (error) {
    console.error(`[public] ${path} failed`, error);
    return publicPage(
      { title: '页面暂时无法显示', robots: 'noindex' },
      <PageMessage
        title="页面暂时无法显示"
        text="服务器处理请求时出现问题，请稍后刷新重试。"
        action={
          <a className="button" href={path}>
            重试
          </a>
        }
      />,
      { status: 500, withNavigation: false, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
