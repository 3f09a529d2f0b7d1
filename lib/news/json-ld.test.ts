import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serializeJsonLd } from './json-ld';

describe('newsArticleJsonLd', () => {
  it('describes a news article with its dates and byline', () => {
    const data = newsArticleJsonLd({
      title: '标题',
      summary: null,
      byline: '记者 王晓楠',
      publishedAt: new Date('2025-03-14T01:30:00Z'),
      updatedAt: new Date('2025-03-01T00:00:00Z'),
      url: 'http://localhost:3000/articles/a',
      imageUrl: null,
      section: '工作动态',
    });
    expect(data).toMatchObject({ '@type': 'NewsArticle', headline: '标题', datePublished: '2025-03-14T01:30:00.000Z', dateModified: '2025-03-14T01:30:00.000Z', author: { name: '记者 王晓楠' } });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element', () => {
    expect(serializeJsonLd({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
