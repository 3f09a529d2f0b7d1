import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/news/ArticleView';
import { ViewBeacon } from '@/components/news/ViewBeacon';
import { env } from '@/lib/env';
import { findAdjacentArticles, findRelatedArticles, findSlugRedirect, findVisibleArticle } from '@/lib/news/article-queries';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/news/json-ld';
import { site } from '@/lib/site';

// Rendered on first request, then cached; publishing revalidates it (lib/news/revalidate.ts).
// An old slug is answered with a permanent redirect (308, Next.js's permanent redirect) to the
// current one, and that answer is cached like the page.
export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findVisibleArticle((await params).slug);
  if (!article) return {};
  const url = `/articles/${article.slug}`;
  return {
    title: article.title,
    description: article.summary ?? site.description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.summary ?? undefined,
      url,
      siteName: site.name,
      locale: 'zh_CN',
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.column.name,
      images: article.cover ? [{ url: article.cover.url, alt: article.cover.alt }] : undefined,
    },
  };
}

async function findOrRedirect(slug: string) {
  const article = await findVisibleArticle(slug);
  if (article) return article;
  const current = await findSlugRedirect(slug);
  if (current) permanentRedirect(`/articles/${current}`);
  notFound();
}

export default async function ArticlePage({ params }: Props) {
  const article = await findOrRedirect((await params).slug);
  const url = new URL(`/articles/${article.slug}`, env.SITE_URL).toString();
  const [adjacent, related] = await Promise.all([findAdjacentArticles(article), findRelatedArticles(article)]);
  const jsonLd = newsArticleJsonLd({
    ...article,
    url,
    imageUrl: article.cover ? new URL(article.cover.url, env.SITE_URL).toString() : null,
    section: article.column.name,
  });
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <ArticleView article={article} adjacent={adjacent} related={related} />
      <ViewBeacon slug={article.slug} />
    </>
  );
}
