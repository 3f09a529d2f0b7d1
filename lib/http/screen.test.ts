import { describe, expect, it } from 'vitest';
import { screenRequest } from './screen';

const MB = 1024 * 1024;
const screen = (overrides: Partial<Parameters<typeof screenRequest>[0]> = {}) =>
  screenRequest({ method: 'GET', url: '/', headers: { host: 'localhost:3000' }, host: null, maxBodyBytes: 25 * MB, ...overrides });

describe('screenRequest', () => {
  it('lets ordinary requests through', () => {
    expect(screen({ url: '/articles/20250101-abc?x=1' })).toBeNull();
    expect(screen({ url: '/search?q=%E5%85%9A%E8%AF%BE' })).toBeNull();
    // Broken escapes in a query are read leniently by the pages, not refused.
    expect(screen({ url: '/search?q=%ZZ' })).toBeNull();
  });

  it.each(['/articles/%ZZ', '/foo%ZZbar', '/%ED%A0%80', '/%'])('answers 400 in Chinese for the broken escape in %s', (url) => {
    expect(screen({ url })).toMatchObject({ status: 400, title: '请求地址有误' });
  });

  it('answers 400 to a Host header that is not a host', () => {
    expect(screen({ headers: { host: 'evil.example/<x>' } })).toMatchObject({ status: 400 });
  });

  it('answers 413 to a body over the limit before it is read', () => {
    expect(screen({ method: 'POST', headers: { host: 'localhost:3000', 'content-length': String(26 * MB) } })).toMatchObject({ status: 413 });
    expect(screen({ method: 'POST', headers: { host: 'localhost:3000', 'content-length': String(24 * MB) } })).toBeNull();
  });

  it('answers 403 to a server action posted from another origin, and lets a same-origin one through', () => {
    const action = (origin: string, host: string | null = null) =>
      screen({ method: 'POST', url: '/admin/users', headers: { host: 'localhost:3000', 'next-action': 'abc', origin }, host });
    expect(action('https://evil.example')).toMatchObject({ status: 403 });
    expect(action('null')).toMatchObject({ status: 403 });
    expect(action('http://localhost:3000')).toBeNull();
    // Behind a trusted proxy the forwarded host is the one the browser addressed.
    expect(action('https://dj.example.gov.cn', 'dj.example.gov.cn')).toBeNull();
  });
});
