import './setup/request-mocks';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/tasks/seed';
import { GET as homeRoute } from '@/app/(public)/[[...edition]]/route';
import { GET as aboutRoute } from '@/app/(public)/about/route';
import { GET as articleRoute } from '@/app/(public)/articles/[slug]/route';
import { GET as columnRoute } from '@/app/(public)/columns/[slug]/route';
import { GET as columnPageRoute } from '@/app/(public)/columns/[slug]/page/[page]/route';
import { GET as searchRoute } from '@/app/(public)/search/route';
import { publicCsp } from '@/lib/security/headers';
import { createTestDatabase, type TestDatabase } from '../db';
import { columnIdOf, hoursFromNow, insertArticle } from './news-fixtures';

// Public pages are plain HTML from route handlers (docs/public-pages.md): no framework script,
// no inline script, whatever the content, and everything a crawler reads in the head.

let db: TestDatabase;
const hostile = '<script>window.__xss=1</script>"><svg onload=window.__xss=1>';

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDatabase(db.db, { demo: true });
  await insertArticle(db.db, {
    slug: 'public-pages-hostile',
    columnId: await columnIdOf(db.db, 'work-news'),
    title: `页面测试 ${hostile}`,
    summary: `摘要 <img src=x onerror="window.__xss=1"> ${hostile}`,
    body: [hostile],
    publishedAt: hoursFromNow(-1),
  });
  // Enough for a second page of the column (20 a page).
  const workNews = await columnIdOf(db.db, 'work-news');
  for (let i = 0; i < 20; i++) await insertArticle(db.db, { slug: `public-pages-extra-${i}`, columnId: workNews, title: `翻页测试第${i + 1}篇`, publishedAt: hoursFromNow(-2 - i) });
});
afterAll(() => db.close());

const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });

/** Every <script> of a page: only JSON-LD data and our own external reading counter may appear. */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
}

function expectNoFrameworkScript(html: string) {
  expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
  expect(html).not.toContain('/_next/');
  expect(html).not.toMatch(/self\.__next|__NEXT_DATA__|\$RC|hydrat/);
  for (const tag of scripts(html)) expect(tag).toMatch(/^<script (type="application\/ld\+json"|src="\/reading-count\.js" data-slug="[a-z0-9-]+" defer="")>$/);
  expect(html).toMatch(/<link rel="stylesheet" href="\/site\.css\?v=[0-9a-f]{12}"\/>/);
  expect(html).toContain('<a class="skip-link" href="#main">跳到正文</a>');
}

describe('public pages', () => {
  it('render an article with its head, escaped content and only the reading counter as script', async () => {
    const response = await articleRoute(new Request('http://localhost/'), slug('public-pages-hostile'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expectNoFrameworkScript(html);
    expect(scripts(html)).toHaveLength(2);
    expect(html).not.toMatch(/<script>window|<svg onload|<img src=x onerror/);
    expect(html).toContain('<title>页面测试 &lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/articles/public-pages-hostile"/>');
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toMatch(/<meta name="description" content="摘要 &lt;img/);
    // The JSON-LD cannot close its own element.
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(jsonLd).headline).toBe(`页面测试 ${hostile}`);
    expect(html).toContain('<nav aria-label="当前位置" class="breadcrumb no-print">');
    expect(html).toContain('src="/articles/public-pages-hostile/qr.svg"');
  });

  it('answer an old slug with a permanent redirect and an unknown one with the Chinese 404 page', async () => {
    const moved = await articleRoute(new Request('http://localhost/'), slug('2025-year-review'));
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe('/articles/2025-12-digital-newscast-year-review');
    const missing = await articleRoute(new Request('http://localhost/'), slug('no-such-article'));
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expectNoFrameworkScript(html);
    expect(html).toContain('<h1>页面不存在</h1>');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('render the home, a column with pages, the search and about pages without any script', async () => {
    const pages = [
      await homeRoute(new Request('http://localhost/'), { params: Promise.resolve({}) }),
      await columnRoute(new Request('http://localhost/'), slug('work-news')),
      await columnPageRoute(new Request('http://localhost/'), { params: Promise.resolve({ slug: 'work-news', page: '2' }) }),
      await searchRoute(new NextRequest(`http://localhost/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)),
      await searchRoute(new NextRequest(`http://localhost/search?q=${encodeURIComponent('党建')}`)),
      await aboutRoute(),
    ];
    const htmls = [];
    for (const response of pages) {
      expect(response.status).toBe(200);
      const html = await response.text();
      expectNoFrameworkScript(html);
      expect(scripts(html)).toEqual([]);
      htmls.push(html);
    }
    const [home, column, page2, hostileSearch, search, about] = htmls as [string, string, string, string, string, string];
    expect(home).toContain('<title>江州机关党建</title>');
    expect(column).toContain('<link rel="alternate" type="application/rss+xml" href="http://localhost:3000/columns/work-news/feed.xml"/>');
    expect(page2).toContain('<link rel="canonical" href="http://localhost:3000/columns/work-news?page=2"/>');
    expect(page2).toContain('<span aria-current="page">2</span>');
    expect(hostileSearch).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(hostileSearch).not.toContain('<script>alert(1)');
    expect(search).toContain('<mark>党建</mark>');
    expect(search).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(about).toContain('<h1>关于本站</h1>');
    expect(about).not.toContain('栏目导航');
  });

  it('are served under a policy with no inline or eval allowance', () => {
    const policy = publicCsp();
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|nonce-|strict-dynamic/);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
  });
});
