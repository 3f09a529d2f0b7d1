import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ColumnView, columnPageHref } from '@/components/news/ColumnView';
import { findVisibleColumn, listColumnArticles } from '@/lib/news/queries';
import { site } from '@/lib/site';

// Shared by /columns/[slug] and its `?page=N` twin (served from /columns/[slug]/page/[page]).

export async function columnMetadata(slug: string, page: number): Promise<Metadata> {
  const column = await findVisibleColumn(slug);
  if (!column) return {};
  const title = page > 1 ? `${column.name}（第 ${page} 页）` : column.name;
  return {
    title,
    description: column.description ?? site.description,
    alternates: { canonical: columnPageHref(slug, page), types: { 'application/rss+xml': `/columns/${slug}/feed.xml` } },
    openGraph: { type: 'website', title, siteName: site.name, locale: 'zh_CN', url: columnPageHref(slug, page) },
  };
}

export async function ColumnPage({ slug, page }: { slug: string; page: number }) {
  const column = await findVisibleColumn(slug);
  if (!column) notFound();
  const list = await listColumnArticles({ columnId: column.id, page });
  // Past the last page there is nothing to show: a 404 with a way back, never an empty 200.
  if (page > list.pageCount) notFound();
  return <ColumnView column={column} list={list} />;
}
