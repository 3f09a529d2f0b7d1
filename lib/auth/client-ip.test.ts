import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('clientIp', () => {
  it('takes the address our proxy appended, not what the client claimed', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' }))).toBe('10.0.0.7');
  });

  it('unwraps IPv4-mapped IPv6 addresses', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }))).toBe('127.0.0.1');
  });

  it('says unknown when nothing tells', () => {
    expect(clientIp(new Headers())).toBe('unknown');
  });
});
