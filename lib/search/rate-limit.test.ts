import { describe, expect, it } from 'vitest';
import { ClientRateLimiter } from './rate-limit';

const clock = () => {
  let now = 5_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('ClientRateLimiter', () => {
  it('allows the limit within a window, then refuses with the seconds until a hit expires', () => {
    const time = clock();
    const limiter = new ClientRateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
    expect(limiter.hit('203.0.113.5')).toEqual({ allowed: true });
    time.advance(10_000);
    expect(limiter.hit('203.0.113.5').allowed).toBe(true);
    expect(limiter.hit('203.0.113.5').allowed).toBe(true);
    expect(limiter.hit('203.0.113.5')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    // Another client is counted on its own.
    expect(limiter.hit('198.51.100.7').allowed).toBe(true);
    // The window slides: once the first hit is a minute old, one more is allowed.
    time.advance(50_000);
    expect(limiter.hit('203.0.113.5').allowed).toBe(true);
    expect(limiter.hit('203.0.113.5').allowed).toBe(false);
  });

  it('does not count refused hits', () => {
    const time = clock();
    const limiter = new ClientRateLimiter({ limit: 1, windowMs: 60_000, now: time.now });
    limiter.hit('a');
    for (let i = 0; i < 10; i++) {
      time.advance(1000);
      expect(limiter.hit('a').allowed).toBe(false);
    }
    time.advance(50_000);
    expect(limiter.hit('a').allowed).toBe(true);
  });

  it('puts clients of unknown address in one shared bucket', () => {
    const limiter = new ClientRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.hit(null).allowed).toBe(true);
    expect(limiter.hit(null).allowed).toBe(true);
    expect(limiter.hit(null).allowed).toBe(false);
  });

  it('is off with a limit of zero', () => {
    const limiter = new ClientRateLimiter({ limit: 0, windowMs: 60_000 });
    for (let i = 0; i < 100; i++) expect(limiter.hit('a').allowed).toBe(true);
  });

  it('forgets the least recently seen client beyond its bound', () => {
    const limiter = new ClientRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 2 });
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c'); // a is forgotten
    expect(limiter.hit('b').allowed).toBe(false);
    expect(limiter.hit('a').allowed).toBe(true);
  });
});
