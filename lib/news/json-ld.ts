import { site } from '@/lib/site';

type Input = {
  title: string;
  summary: string | null;
  byline: string | null;
  publishedAt: Date;
  updatedAt: Date;
  url: string;
  imageUrl: string | null;
  section: string;
};

/** schema.org NewsArticle for search engines. */
export function newsArticleJsonLd(article: Input) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary ?? undefined,
    datePublished: article.publishedAt.toISOString(),
    dateModified: (article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt).toISOString(),
    author: article.byline ? { '@type': 'Person', name: article.byline } : { '@type': 'Organization', name: site.organization },
    publisher: { '@type': 'Organization', name: site.organization },
    image: article.imageUrl ? [article.imageUrl] : undefined,
    articleSection: article.section,
    inLanguage: 'zh-CN',
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
  };
}

/** JSON for a <script> element: `<` escaped so the content can never close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
