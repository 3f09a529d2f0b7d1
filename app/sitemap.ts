import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';
import { listLectureSitemapEntries } from '@/lib/lectures/queries';
import { listSitemapEntries } from '@/lib/news/feed-queries';

export const dynamic = 'force-dynamic';

const newestOf = (rows: { lastModified: Date }[]) => (rows.length ? new Date(Math.max(...rows.map((r) => r.lastModified.getTime()))) : undefined);

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [{ articles, columns }, lectureEntries] = await Promise.all([listSitemapEntries(), listLectureSitemapEntries()]);
  const url = (path: string) => new URL(path, env.SITE_URL).toString();
  const newest = articles[0]?.lastModified;
  return [
    { url: url('/'), lastModified: newest, changeFrequency: 'hourly', priority: 1 },
    ...columns.map((c) => ({ url: url(`/columns/${c.slug}`), lastModified: c.lastModified, changeFrequency: 'daily' as const, priority: 0.7 })),
    ...articles.map((a) => ({ url: url(`/articles/${a.slug}`), lastModified: a.lastModified, priority: 0.5 })),
    { url: url('/lectures'), lastModified: newestOf(lectureEntries.lectures), changeFrequency: 'weekly', priority: 0.6 },
    { url: url('/lecturers'), lastModified: newestOf(lectureEntries.lecturers), changeFrequency: 'monthly', priority: 0.5 },
    { url: url('/lectures/hall'), lastModified: lectureEntries.hallLastModified ?? undefined, changeFrequency: 'weekly', priority: 0.5 },
    ...lectureEntries.lectures.map((l) => ({ url: url(`/lectures/${l.id}`), lastModified: l.lastModified, priority: 0.5 })),
    ...lectureEntries.lecturers.map((l) => ({ url: url(`/lecturers/${l.id}`), lastModified: l.lastModified, priority: 0.4 })),
  ];
}
