import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env } from '@/lib/env';
import { admitSearch, endLease, SEARCH_LEASE_HEADER, searchGuard } from '@/lib/search/guard';
import { proxy } from '@/proxy';

// The proxy's answers to searches it cannot serve: a page cannot choose its status, so the real
// 503 and 429 come from here (with the defaults: a 2 s queue, 30 searches a minute).

const searchRequest = (q: string, ip = '203.0.113.7') =>
  new NextRequest(`http://localhost:3000/search?q=${encodeURIComponent(q)}`, { headers: { 'x-forwarded-for': ip } });

beforeEach(() => {
  vi.useFakeTimers();
  (globalThis as { __portalSearchGuard?: unknown }).__portalSearchGuard = undefined;
});
afterEach(() => vi.useRealTimers());

async function expectRefusal(response: Response, status: number, text: string) {
  expect(response.status).toBe(status);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(response.headers.get('cache-control')).toBe('no-store');
  const html = await response.text();
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain(text);
}

describe('proxy on /search', () => {
  it('hands the page a lease on a slot and drops a lease header sent by the client', async () => {
    const request = searchRequest('营商环境');
    request.headers.set(SEARCH_LEASE_HEADER, 'forged');
    const response = await proxy(request);
    expect(response.status).toBe(200);
    const forwarded = response.headers.get(`x-middleware-request-${SEARCH_LEASE_HEADER}`);
    expect(forwarded).toMatch(/^[0-9a-f-]{36}$/);
    expect(searchGuard().leases.has(forwarded!)).toBe(true);
  });

  it('answers 503 with a Chinese busy page when no slot frees up within two seconds', async () => {
    for (let i = 0; i < env.SEARCH_MAX_CONCURRENT; i++) await admitSearch({ query: `党课 ${i}`, page: 1, client: '198.51.100.1' });
    const pending = proxy(searchRequest('营商环境'));
    await vi.advanceTimersByTimeAsync(2000);
    await expectRefusal(await pending, 503, '站点繁忙');
  });

  it('answers 429 with a Chinese page after 30 searches a minute from one client', async () => {
    for (let i = 0; i < 30; i++) {
      const response = await proxy(searchRequest(`党课 ${i}`));
      expect(response.status).toBe(200);
      endLease(response.headers.get(`x-middleware-request-${SEARCH_LEASE_HEADER}`));
    }
    await expectRefusal(await proxy(searchRequest('党课')), 429, '搜索过于频繁');
    // Another client may still search, and the search form without a query is no search.
    expect((await proxy(searchRequest('党课', '198.51.100.23'))).status).toBe(200);
    expect((await proxy(new NextRequest('http://localhost:3000/search', { headers: { 'x-forwarded-for': '203.0.113.7' } }))).status).toBe(200);
  });
});
