import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { seedDatabase } from '@/tasks/seed';
import { htmlToText } from '@/lib/search/highlight';
import { parseSearchQuery } from '@/lib/search/tokenize';
import { searchArticles, type SearchHit } from '@/lib/news/search';
import { createTestDatabase, type TestDatabase } from '../db';
import { allArticles, columnIdOf, expectedHits, insertArticle, titleContainsAll, type ArticleRow } from './news-fixtures';

// Search on the demo corpus, checked against a ground truth computed here from the article rows:
// every visible article whose title, kicker, subtitle, summary or body contains every term.

let db: TestDatabase;
let rows: ArticleRow[];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.db, { demo: true });
  rows = await allArticles(db.db);
});
afterAll(() => db.close());

const slugsOf = (items: { slug: string }[]) => items.map((i) => i.slug).sort();

/** Every page of a search, in order. */
async function allPages(query: string, pageSize: number, columnSlug?: string) {
  const first = await searchArticles({ query, pageSize, columnSlug });
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page++) pages.push(await searchArticles({ query, pageSize, columnSlug, page }));
  return pages;
}

const cases = [
  { query: '营商环境', terms: ['营商环境'] },
  { query: '党课', terms: ['党课'] },
  { query: 'AI 读书', terms: ['AI', '读书'] },
  { query: 'ai读书', terms: ['ai', '读书'] },
];

describe.each(cases)('searching "$query"', ({ query, terms }) => {
  it('finds exactly the visible articles containing every term, with the right total', async () => {
    const expected = expectedHits(rows, terms);
    expect(expected.length).toBeGreaterThan(0);
    const results = await searchArticles({ query, pageSize: 100 });
    expect(slugsOf(results.items)).toEqual(slugsOf(expected));
    expect(results.total).toBe(expected.length);
    expect(results.pageCount).toBe(1);
  });

  it('puts articles with the terms in their title first', async () => {
    const { items } = await searchArticles({ query, pageSize: 100 });
    const inTitle = items.map((hit) => titleContainsAll(hit.title, terms));
    expect(inTitle.some(Boolean)).toBe(true);
    expect(inTitle).toEqual([...inTitle].sort((a, b) => Number(b) - Number(a)));
  });

  it('pages of 3 are disjoint, in the same order, and cover every result', async () => {
    const everything = (await searchArticles({ query, pageSize: 100 })).items.map((h) => h.slug);
    const pages = await allPages(query, 3);
    expect(pages).toHaveLength(Math.ceil(everything.length / 3));
    for (const page of pages) {
      expect(page.total).toBe(everything.length);
      expect(page.items.length).toBeLessThanOrEqual(3);
    }
    expect(pages.flatMap((p) => p.items.map((h) => h.slug))).toEqual(everything);
  });

  it('a column filter keeps only that column’s matches', async () => {
    const expected = expectedHits(rows, terms);
    const columnId = expected[0]!.columnId;
    const [column] = await db.db.select({ slug: columns.slug }).from(columns).where(eq(columns.id, columnId));
    const results = await searchArticles({ query, columnSlug: column!.slug, pageSize: 100 });
    expect(slugsOf(results.items)).toEqual(slugsOf(expected.filter((r) => r.columnId === columnId)));
    expect(results.total).toBe(results.items.length);
    const all = await db.db.select({ id: columns.id, slug: columns.slug }).from(columns);
    const without = all.find((c) => !expected.some((r) => r.columnId === c.id));
    expect(without).toBeDefined();
    expect((await searchArticles({ query, columnSlug: without!.slug })).total).toBe(0);
  });
});

describe('one-character search', () => {
  const textOf = (hit: SearchHit, row: ArticleRow) => [hit.title, row.summary ?? '', htmlToText(row.bodyHtml)].join('\n');

  it('falls back to substring matching: every hit contains the character, title hits first', async () => {
    expect(parseSearchQuery('党')).toMatchObject({ tsquery: null, substrings: ['党'] });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    const results = await searchArticles({ query: '党', pageSize: 100 });
    expect(results.total).toBe(expectedHits(rows, ['党']).length);
    for (const hit of results.items) expect(textOf(hit, bySlug.get(hit.slug)!), hit.slug).toContain('党');
    const inTitle = results.items.map((hit) => hit.title.includes('党'));
    expect(inTitle).toEqual([...inTitle].sort((a, b) => Number(b) - Number(a)));
  });

  it('finds a character that appears only in the kicker or subtitle, as full-text search does', async () => {
    const columnId = await columnIdOf(db.db, 'work-news');
    const article = await insertArticle(db.db, {
      slug: 'single-char-subtitle',
      columnId,
      title: '机关读书角开放',
      kicker: '书香鑫然',
      subtitle: '鑫字只在副题出现',
      body: ['正文不含那个字。'],
      publishedAt: new Date('2025-06-01T00:00:00Z'),
    });
    rows = await allArticles(db.db);
    expect((await searchArticles({ query: '鑫然' })).items.map((h) => h.slug)).toEqual([article.slug]);
    expect(expectedHits(rows, ['鑫']).map((r) => r.slug)).toEqual([article.slug]);
    expect((await searchArticles({ query: '鑫' })).items.map((h) => h.slug)).toEqual([article.slug]);
  });
});

describe('a single Chinese character next to a number or Latin word', () => {
  // "2025年" is parsed as the phrases ['2025'] and ['年']; the index holds '年' only where it
  // stood alone between non-Chinese characters, so "2025年度…" is never found.
  it.each([
    ['2025年', ['2025年']],
    ['AI 党', ['AI', '党']],
  ])('%s finds every visible article containing it', async (query, terms) => {
    const expected = expectedHits(rows, terms);
    const results = await searchArticles({ query, pageSize: 100 });
    expect(slugsOf(results.items)).toEqual(slugsOf(expected));
  });
});

describe('hostile or empty input', () => {
  it.each(['', '   ', '🎉🎉', '！？。'])('%j returns no results', async (query) => {
    const results = await searchArticles({ query });
    expect(results).toMatchObject({ items: [], total: 0, terms: [] });
    expect(parseSearchQuery(query).kind).toBe('empty');
  });

  it.each([
    ['500 Chinese characters', '营商环境'.repeat(125)],
    ['500 Latin letters', 'x'.repeat(500)],
    ['SQL injection', "'; drop table articles; --"],
    ['markup', '<script>alert(1)</script>'],
    ['tsquery syntax', "a' | !b & (c"],
    ['LIKE wildcards', '\\\\ %_ 党课%'],
  ])('%s does not throw and leaves the articles table intact', async (_label, query) => {
    const results = await searchArticles({ query });
    expect(results.total).toBe(results.items.length);
    const [row] = await db.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(articles);
    expect(row!.n).toBe(rows.length);
  });

  it('a page past the end is empty but still reports the total', async () => {
    const total = expectedHits(rows, ['党课']).length;
    const results = await searchArticles({ query: '党课', page: 99, pageSize: 3 });
    expect(results.items).toEqual([]);
    expect(results.total).toBe(total);
    expect(results.pageCount).toBe(Math.ceil(total / 3));
  });
});
