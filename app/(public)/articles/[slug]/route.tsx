import { ArticleView } from '@/components/news/ArticleView';
import { ReadingCounter } from '@/components/news/ReadingCounter';
import { env } from '@/lib/env';
import { findAdjacentArticles, findRelatedArticles, findSlugRedirect, findVisibleArticle } from '@/lib/news/article-queries';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/news/json-ld';
import { site } from '@/lib/site';
import { notFoundPage, orErrorPage, publicPage } from '../../respond';

// Rendered on first request, then cached; publishing revalidates it (lib/news/revalidate.ts).
// An old slug is answered with a permanent redirect (308) to the current one, and that answer
// is cached like the page.
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return orErrorPage(`/articles/${slug}`, async () => {
    const article = await findVisibleArticle(slug);
    if (!article) {
      const current = await findSlugRedirect(slug);
      return current ? new Response(null, { status: 308, headers: { Location: `/articles/${current}` } }) : notFoundPage();
    }
    const path = `/articles/${article.slug}`;
    const [adjacent, related] = await Promise.all([findAdjacentArticles(article), findRelatedArticles(article)]);
    const jsonLd = newsArticleJsonLd({
      ...article,
      url: new URL(path, env.SITE_URL).toString(),
      imageUrl: article.cover ? new URL(article.cover.url, env.SITE_URL).toString() : null,
      section: article.column.name,
    });
    return publicPage(
      {
        title: article.title,
        description: article.summary ?? site.description,
        canonical: path,
        openGraph: {
          type: 'article',
          title: article.title,
          description: article.summary,
          image: article.cover ? { url: article.cover.url, alt: article.cover.alt } : null,
          publishedTime: article.publishedAt,
          modifiedTime: article.updatedAt,
          section: article.column.name,
        },
      },
      <>
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
        <ArticleView article={article} adjacent={adjacent} related={related} />
      </>,
      { tail: <ReadingCounter slug={article.slug} /> },
    );
  });
}
