import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';
import { listSitemapEntries } from '@/lib/news/feed-queries';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { articles, columns } = await listSitemapEntries();
  const url = (path: string) => new URL(path, env.SITE_URL).toString();
  const newest = articles[0]?.lastModified;
  return [
    { url: url('/'), lastModified: newest, changeFrequency: 'hourly', priority: 1 },
    ...columns.map((c) => ({ url: url(`/columns/${c.slug}`), lastModified: c.lastModified, changeFrequency: 'daily' as const, priority: 0.7 })),
    ...articles.map((a) => ({ url: url(`/articles/${a.slug}`), lastModified: a.lastModified, priority: 0.5 })),
  ];
}
