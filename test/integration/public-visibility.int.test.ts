import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, slugRedirects } from '@/db/schema/articles';
import { seedDatabase } from '@/tasks/seed';
import { findAdjacentArticles, findRelatedArticles, findSlugRedirect, findVisibleArticle, recordArticleView } from '@/lib/news/article-queries';
import { listFeedItems, listSitemapEntries } from '@/lib/news/feed-queries';
import { listColumnArticles, listHeadlines, listLatestByColumn, listLatestInColumn } from '@/lib/news/queries';
import { searchArticles } from '@/lib/news/search';
import { createTestDatabase, type TestDatabase } from '../db';
import { allArticles, columnIdOf, hoursFromNow, insertArticle, isPublic, newestFirst, type ArticleRow } from './news-fixtures';

// Every public read must agree on one rule: published, or scheduled with its time come. The
// hidden articles below are pinned and newer than anything public, so any query that forgot
// the rule would put them first.

let db: TestDatabase;
let columnId: number;
let shown: ArticleRow;
const hidden: ArticleRow[] = [];
const hiddenSlugs = () => hidden.map((a) => a.slug);
const leaked = (slugs: string[]) => slugs.filter((slug) => hiddenSlugs().includes(slug));

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.db, { demo: true });
  columnId = await columnIdOf(db.db, 'work-news');
  const common = { columnId, pinned: true };
  // Drafts, reviews and archived articles may carry a past published_at (unpublished, withdrawn).
  for (const [status, word, publishedAt] of [
    ['draft', '草稿', hoursFromNow(-1)],
    ['in_review', '送审', hoursFromNow(-1)],
    ['archived', '归档', hoursFromNow(-1)],
    ['scheduled', '未到', hoursFromNow(24)],
  ] as const) {
    hidden.push(
      await insertArticle(db.db, {
        ...common,
        slug: `invisible-${status.replace('_', '-')}`,
        title: `隐身测试${word}文章`,
        body: [`隐身测试${word}的正文，读者不应看到。`],
        status,
        publishedAt,
      }),
    );
  }
  shown = await insertArticle(db.db, {
    ...common,
    slug: 'visible-scheduled-past',
    title: '隐身测试定时文章',
    body: ['隐身测试定时的正文，到点后公开。'],
    status: 'scheduled',
    publishedAt: hoursFromNow(-2),
  });
  await db.db.insert(slugRedirects).values([
    { oldSlug: 'old-invisible-draft', articleId: hidden[0]!.id },
    { oldSlug: 'old-visible-scheduled', articleId: shown.id },
  ]);
});
afterAll(() => db.close());

describe('published-only visibility of the public news site', () => {
  it('headlines show the due scheduled article and no hidden pinned one', async () => {
    const headlines = await listHeadlines({ limit: 50 });
    expect(headlines[0]?.slug).toBe(shown.slug);
    expect(leaked(headlines.map((h) => h.slug))).toEqual([]);
  });

  it('the latest of every column and the notice board leave hidden articles out', async () => {
    const latest = (await listLatestByColumn({ perColumn: 6 })).filter((a) => a.columnId === columnId);
    const expected = (await allArticles(db.db)).filter((a) => a.columnId === columnId && isPublic(a)).sort(newestFirst);
    expect(latest.map((a) => a.slug)).toEqual(expected.slice(0, 6).map((a) => a.slug));
    const board = await listLatestInColumn({ slug: 'work-news', limit: 6 });
    expect(board.map((a) => a.slug)).toEqual(expected.slice(0, 6).map((a) => a.slug));
  });

  it('a column page counts and lists only visible articles', async () => {
    const page = await listColumnArticles({ columnId, page: 1, pageSize: 100 });
    const expected = (await allArticles(db.db)).filter((a) => a.columnId === columnId && isPublic(a)).sort(newestFirst);
    expect(page.items.map((a) => a.slug)).toEqual(expected.map((a) => a.slug));
    expect(page.total).toBe(expected.length);
    expect(page.items[0]?.slug).toBe(shown.slug);
  });

  it('an article page exists only for the visible article', async () => {
    expect((await findVisibleArticle(shown.slug))?.title).toBe('隐身测试定时文章');
    for (const slug of hiddenSlugs()) expect(await findVisibleArticle(slug), slug).toBeNull();
  });

  it('previous/next links skip hidden articles of the same column', async () => {
    const article = (await findVisibleArticle(shown.slug))!;
    const newestSeeded = (await allArticles(db.db)).filter((a) => a.columnId === columnId && a.status === 'published').sort(newestFirst)[0]!;
    const { previous, next } = await findAdjacentArticles(article);
    expect(next).toBeNull();
    expect(previous?.slug).toBe(newestSeeded.slug);
    const older = (await findVisibleArticle(newestSeeded.slug))!;
    expect((await findAdjacentArticles(older)).next?.slug).toBe(shown.slug);
  });

  it('related articles never offer a hidden article', async () => {
    const related = await findRelatedArticles({ id: -1, title: '隐身测试' }, 50);
    expect(related.map((a) => a.slug)).toEqual([shown.slug]);
    const fromShown = await findRelatedArticles(shown, 50);
    expect(leaked(fromShown.map((a) => a.slug))).toEqual([]);
  });

  it('full-text search finds only the visible article, and hidden words find nothing', async () => {
    const results = await searchArticles({ query: '隐身测试', pageSize: 50 });
    expect(results.items.map((h) => h.slug)).toEqual([shown.slug]);
    expect(results.total).toBe(1);
    for (const word of ['草稿文章', '送审文章', '归档文章', '未到文章']) {
      expect((await searchArticles({ query: `隐身测试${word}` })).total, word).toBe(0);
    }
  });

  it('one-character substring search finds only the visible article', async () => {
    const results = await searchArticles({ query: '隐', pageSize: 100 });
    const slugs = results.items.map((h) => h.slug);
    expect(slugs).toContain(shown.slug);
    expect(leaked(slugs)).toEqual([]);
    expect(results.total).toBe(slugs.length);
  });

  it('feeds carry only visible articles, newest first', async () => {
    const feed = await listFeedItems();
    expect(feed[0]?.slug).toBe(shown.slug);
    expect(leaked(feed.map((f) => f.slug))).toEqual([]);
    const columnFeed = await listFeedItems({ columnId });
    expect(columnFeed[0]?.slug).toBe(shown.slug);
    expect(leaked(columnFeed.map((f) => f.slug))).toEqual([]);
  });

  it('the sitemap lists exactly the visible articles', async () => {
    const { articles: entries } = await listSitemapEntries();
    const expected = (await allArticles(db.db)).filter((a) => isPublic(a)).map((a) => a.slug);
    expect(entries.map((e) => e.slug).sort()).toEqual(expected.sort());
    expect(entries.map((e) => e.slug)).toContain(shown.slug);
  });

  it('an old slug redirects only to a visible article', async () => {
    expect(await findSlugRedirect('old-visible-scheduled')).toBe(shown.slug);
    expect(await findSlugRedirect('old-invisible-draft')).toBeNull();
  });

  it('a reading is counted only for a visible article', async () => {
    const viewsOf = async (id: number) => (await db.db.select({ n: articles.viewCount }).from(articles).where(eq(articles.id, id)))[0]!.n;
    expect(await recordArticleView(shown.slug)).toBe(true);
    expect(await viewsOf(shown.id)).toBe(1);
    for (const article of hidden) {
      expect(await recordArticleView(article.slug), article.slug).toBe(false);
      expect(await viewsOf(article.id)).toBe(0);
    }
    expect(await recordArticleView('no-such-article')).toBe(false);
  });

  it('the hidden articles are stored, so the checks above are not vacuous', async () => {
    const rows = await db.db.select({ slug: articles.slug, status: articles.status }).from(articles).where(inArray(articles.slug, hiddenSlugs()));
    expect(rows.map((r) => r.status).sort()).toEqual(['archived', 'draft', 'in_review', 'scheduled']);
  });
});
