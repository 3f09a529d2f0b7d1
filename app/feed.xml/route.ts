import { env } from '@/lib/env';
import { listFeedItems } from '@/lib/news/feed-queries';
import { renderRss, rssResponse } from '@/lib/news/rss';
import { site } from '@/lib/site';

// Rendered per request (there is no database at build time); readers cache it for 5 minutes.
export const dynamic = 'force-dynamic';

export async function GET() {
  const items = await listFeedItems({ limit: 50 });
  return rssResponse(renderRss({ title: site.name, link: '/', description: site.description, selfUrl: '/feed.xml' }, items, env.SITE_URL));
}
