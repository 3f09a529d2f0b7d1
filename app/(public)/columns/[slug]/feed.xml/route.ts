import { env } from '@/lib/env';
import { listFeedItems } from '@/lib/news/feed-queries';
import { findVisibleColumn } from '@/lib/news/queries';
import { renderRss, rssResponse } from '@/lib/news/rss';
import { site } from '@/lib/site';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const column = await findVisibleColumn((await params).slug);
  if (!column) return new Response('栏目不存在', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const items = await listFeedItems({ columnId: column.id, limit: 50 });
  const channel = {
    title: `${column.name} - ${site.name}`,
    link: `/columns/${column.slug}`,
    description: column.description ?? site.description,
    selfUrl: `/columns/${column.slug}/feed.xml`,
  };
  return rssResponse(renderRss(channel, items, env.SITE_URL));
}
