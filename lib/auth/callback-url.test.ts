import { describe, expect, it } from 'vitest';
import { isSameSiteUrl, withoutForeignCallbackUrl } from './callback-url';

const rebuild = (url: URL, headers: Headers) => new Request(url, { headers });

describe('callback URLs Auth.js may see', () => {
  it.each([
    ['/admin', true],
    ['http://localhost:3000/admin', true],
    ['javascript:alert(1)', false],
    ['https://evil.example/', false],
    ['//evil.example/', false],
    ['data:text/html,x', false],
  ])('%s same-site: %s', (value, expected) => expect(isSameSiteUrl(value, 'http://localhost:3000')).toBe(expected));

  it('drops a javascript: callback cookie and keeps the other cookies', () => {
    const request = new Request('http://localhost:3000/api/auth/session', { headers: { cookie: 'a=1; authjs.callback-url=javascript:alert(1); b=2' } });
    const cleaned = withoutForeignCallbackUrl(request, rebuild);
    expect(cleaned.headers.get('cookie')).toBe('a=1; b=2');
  });

  it('keeps an encoded same-site callback cookie, drops a foreign query parameter', () => {
    const request = new Request('http://localhost:3000/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.example', {
      headers: { cookie: 'authjs.callback-url=http%3A%2F%2Flocalhost%3A3000%2Fadmin' },
    });
    const cleaned = withoutForeignCallbackUrl(request, rebuild);
    expect(new URL(cleaned.url).searchParams.has('callbackUrl')).toBe(false);
    expect(cleaned.headers.get('cookie')).toContain('authjs.callback-url=');
  });

  it('returns the very same request when nothing is foreign', () => {
    const request = new Request('http://localhost:3000/api/auth/session', { headers: { cookie: 'a=1' } });
    expect(withoutForeignCallbackUrl(request, rebuild)).toBe(request);
  });
});
