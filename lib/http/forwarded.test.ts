import { describe, expect, it } from 'vitest';
import { applyForwarded, resolveForwarded, validIp } from './forwarded';

const resolve = (headers: Record<string, string>, trustedHops: number, socketAddress = '198.51.100.7', encrypted = false) =>
  resolveForwarded({ socketAddress, encrypted, headers, trustedHops });

describe('validIp', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:DB8::1', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['203.0.113.5:8080', '203.0.113.5'],
    ['evil', null],
    ['<script>', null],
    ['999.1.1.1', null],
    ['', null],
  ])('%s → %s', (raw, expected) => expect(validIp(raw)).toBe(expected));
});

describe('resolveForwarded with no trusted proxy (the default)', () => {
  it('uses the socket address, whatever X-Forwarded-For claims', () => {
    expect(resolve({ 'x-forwarded-for': '1.2.3.4' }, 0).ip).toBe('198.51.100.7');
    expect(resolve({ 'x-forwarded-for': '1.2.3.4, 5.6.7.8' }, 0).ip).toBe('198.51.100.7');
  });

  it('takes the scheme from the socket and ignores a forwarded host', () => {
    expect(resolve({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' }, 0)).toEqual({ ip: '198.51.100.7', proto: 'http', host: null });
    expect(resolve({ 'x-forwarded-proto': 'javascript' }, 0, '198.51.100.7', true).proto).toBe('https');
  });
});

describe('resolveForwarded behind trusted proxies', () => {
  it('one hop: the address the proxy appended; earlier entries are claims', () => {
    expect(resolve({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }, 1, '127.0.0.1').ip).toBe('203.0.113.9');
  });

  it('two hops: one more step to the left', () => {
    expect(resolve({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' }, 2, '127.0.0.1').ip).toBe('203.0.113.9');
  });

  it('a chain shorter than the hops falls back to its left-most entry', () => {
    expect(resolve({}, 1, '203.0.113.9').ip).toBe('203.0.113.9');
  });

  it('stores nothing when the resolved entry is not an address', () => {
    expect(resolve({ 'x-forwarded-for': 'not-an-ip' }, 1, '127.0.0.1').ip).toBeNull();
  });

  it('accepts only http or https as the scheme, and a host of host syntax', () => {
    expect(resolve({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'dj.example.gov.cn' }, 1)).toMatchObject({ proto: 'https', host: 'dj.example.gov.cn' });
    expect(resolve({ 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'a b/c' }, 1)).toMatchObject({ proto: 'http', host: null });
  });
});

describe('applyForwarded', () => {
  it('leaves exactly the resolved values for the app to read', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-forwarded-for': '1.2.3.4',
      'x-real-ip': '1.2.3.4',
      forwarded: 'for=1.2.3.4',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'javascript',
      host: 'localhost:3000',
    };
    applyForwarded(headers, { ip: '198.51.100.7', proto: 'http', host: null });
    expect(headers).toEqual({ 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'http', host: 'localhost:3000' });
  });
});
