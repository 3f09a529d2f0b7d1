import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('clientIp', () => {
  it('reads the one address the edge resolved', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9' }), true)).toBe('203.0.113.9');
    expect(clientIp(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }), true)).toBe('127.0.0.1');
  });

  it('stores a validated address or nothing', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': "'; drop table users; --" }), true)).toBeNull();
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' }), true)).toBeNull();
    expect(clientIp(new Headers(), true)).toBeNull();
  });

  it('believes no header when the request did not pass the edge (a bare `next start`)', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9' }), false)).toBeNull();
  });
});
