import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { resolveSitemap } from 'next/dist/build/webpack/loaders/metadata/resolve-route-data';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/rows';
import { type RichTextNode } from '@/db/schema/articles';
import { columns } from '@/db/schema/columns';
import { seedDatabase } from '@/tasks/seed';
import { GET as siteFeed } from '@/app/feed.xml/route';
import { GET as columnFeedRoute } from '@/app/(public)/columns/[slug]/feed.xml/route';
import sitemap from '@/app/sitemap';
import { env } from '@/lib/env';
import { htmlToText } from '@/lib/search/highlight';
import { createTestDatabase, type TestDatabase } from '../db';
import { allArticles, columnIdOf, DAY, hoursFromNow, insertArticle, isPublic, newestFirst, type ArticleRow } from './news-fixtures';

// The RSS feeds and the sitemap as a feed reader or crawler receives them.

let db: TestDatabase;
let rows: ArticleRow[];
const hiddenSlugs = ['feed-newest-draft', 'feed-future-scheduled', 'feed-archived'];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.db, { demo: true });
  // 15 more published articles (55 visible in all), one with characters XML must escape.
  const columnId = await columnIdOf(db.db, 'notices');
  for (let i = 1; i <= 15; i++) {
    await insertArticle(db.db, {
      slug: `feed-extra-${i}`,
      columnId,
      title: i === 1 ? '通知 <重要> & “紧急” ]]> 2026' : `补充通知第${i}号`,
      body: [`补充通知第${i}号正文 <b>加粗</b> & ]]> 结束`, '第二段：请各单位按时报送。'],
      publishedAt: new Date(Date.now() - i * DAY),
    });
  }
  await insertArticle(db.db, { slug: 'feed-newest-draft', columnId, title: '最新草稿', status: 'draft', publishedAt: hoursFromNow(-1) });
  await insertArticle(db.db, { slug: 'feed-future-scheduled', columnId, title: '定时未到', status: 'scheduled', publishedAt: hoursFromNow(3) });
  await insertArticle(db.db, { slug: 'feed-archived', columnId, title: '已归档', status: 'archived', publishedAt: hoursFromNow(-2) });
  await db.db.insert(columns).values({ slug: 'hidden-column', name: '隐藏栏目', visible: false, sortOrder: 99 });
  rows = await allArticles(db.db);
});
afterAll(() => db.close());

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' || name === 'url' });

type FeedItem = { title: string; link: string; pubDate: string; category: string; 'content:encoded': string };

async function readFeed(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/rss+xml');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const channel = parser.parse(xml).rss.channel as { title: string; item?: FeedItem[] };
  return { channel, items: channel.item ?? [] };
}

const slugOfLink = (link: string) => new URL(link).pathname.replace(/^\/articles\//, '');
const textsOf = (node: RichTextNode): string[] => (node.type === 'text' ? [node.text ?? ''] : (node.content ?? []).flatMap(textsOf));
const columnFeed = (slug: string) => columnFeedRoute(new Request(`http://x/columns/${slug}/feed.xml`), { params: Promise.resolve({ slug }) });

describe('the site feed', () => {
  it('is well-formed RSS with the 50 newest visible articles, newest first', async () => {
    const { items } = await readFeed(await siteFeed());
    const expected = rows.filter((r) => isPublic(r)).sort(newestFirst);
    expect(expected.length).toBeGreaterThan(50);
    expect(items.map((i) => slugOfLink(i.link))).toEqual(expected.slice(0, 50).map((r) => r.slug));
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('never carries a draft, archived or not-yet-due article, however new', async () => {
    const { items } = await readFeed(await siteFeed());
    expect(items.map((i) => slugOfLink(i.link)).filter((s) => hiddenSlugs.includes(s))).toEqual([]);
  });

  it('gives each item its full text, and escapes titles exactly', async () => {
    const { items } = await readFeed(await siteFeed());
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    for (const item of items) {
      const row = bySlug.get(slugOfLink(item.link))!;
      expect(item.title).toBe(row.title);
      expect(item.link).toBe(new URL(`/articles/${row.slug}`, env.SITE_URL).toString());
      const content = htmlToText(item['content:encoded']);
      for (const text of textsOf(row.bodyJson)) expect(content, row.slug).toContain(text.replace(/\s+/g, ' ').trim());
    }
    expect(items.some((i) => i.title === '通知 <重要> & “紧急” ]]> 2026')).toBe(true);
  });
});

describe('a column feed', () => {
  it('lists only that column’s visible articles, newest first', async () => {
    const { channel, items } = await readFeed(await columnFeed('notices'));
    const columnId = await columnIdOf(db.db, 'notices');
    expect(channel.title).toContain('通知公告');
    const expected = rows.filter((r) => r.columnId === columnId && isPublic(r)).sort(newestFirst);
    expect(items.map((i) => slugOfLink(i.link))).toEqual(expected.slice(0, 50).map((r) => r.slug));
    expect(items.every((i) => i.category === '通知公告')).toBe(true);
  });

  it('of another column holds none of them', async () => {
    const { items } = await readFeed(await columnFeed('integrity'));
    const columnId = await columnIdOf(db.db, 'integrity');
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => slugOfLink(i.link)).sort()).toEqual(rows.filter((r) => r.columnId === columnId && isPublic(r)).map((r) => r.slug).sort());
  });

  it.each(['no-such-column', 'hidden-column', 'Bad Slug!'])('%s answers 404', async (slug) => {
    const response = await columnFeed(slug);
    expect(response.status).toBe(404);
  });
});

describe('the sitemap', () => {
  it('lists the home page, every visible column and every visible article, and nothing else', async () => {
    const entries = await sitemap();
    const absolute = (path: string) => new URL(path, env.SITE_URL).toString();
    const visibleColumns = await db.db.select({ slug: columns.slug, visible: columns.visible }).from(columns);
    const expected = [
      absolute('/'),
      ...visibleColumns.filter((c) => c.visible).map((c) => absolute(`/columns/${c.slug}`)),
      ...rows.filter((r) => isPublic(r)).map((r) => absolute(`/articles/${r.slug}`)),
      // The lecture pages: the catalog, the lists, the hall, each published lecture of an active lecturer, each such lecturer.
      absolute('/lectures'),
      absolute('/lecturers'),
      absolute('/lectures/hall'),
      ...(await selectRows<{ path: string }>(db.db, sql`
        select '/lectures/' || l.id as path from lectures l join lecturers r on r.id = l.lecturer_id where l.published and r.in_pool
        union all
        select '/lecturers/' || r.id from lecturers r where r.in_pool and (exists (select 1 from lecturer_listings x where x.lecturer_id = r.id) or exists (select 1 from lectures l where l.lecturer_id = r.id and l.published))`)).map((row) => absolute(row.path)),
    ];
    expect(entries.map((e) => e.url).sort()).toEqual(expected.sort());
    expect(entries.map((e) => e.url)).not.toContain(absolute('/columns/hidden-column'));
    for (const slug of hiddenSlugs) expect(entries.map((e) => e.url)).not.toContain(absolute(`/articles/${slug}`));
  });

  it('renders as valid XML with absolute URLs and a date for every entry', async () => {
    const entries = await sitemap();
    const xml = resolveSitemap(entries);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url as { loc: string; lastmod?: string }[];
    expect(urls).toHaveLength(entries.length);
    for (const { loc, lastmod } of urls) {
      expect(new URL(loc).origin).toBe(new URL(env.SITE_URL).origin);
      expect(lastmod && !Number.isNaN(Date.parse(lastmod)), loc).toBe(true);
    }
  });
});
