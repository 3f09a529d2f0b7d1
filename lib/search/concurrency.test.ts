import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConcurrencyLimiter } from './concurrency';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ConcurrencyLimiter', () => {
  it('grants up to its cap at once', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const first = await limiter.acquire(0);
    const second = await limiter.acquire(0);
    expect(first).toBeTypeOf('function');
    expect(second).toBeTypeOf('function');
    expect(limiter.active).toBe(2);
    expect(await limiter.acquire(0)).toBeNull();
    first!();
    first!(); // a second release gives nothing back twice
    expect(limiter.active).toBe(1);
    expect(await limiter.acquire(0)).toBeTypeOf('function');
    expect(await limiter.acquire(0)).toBeNull();
  });

  it('lets waiters in, first come first served, as slots free up', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const holder = (await limiter.acquire(0))!;
    const order: string[] = [];
    const a = limiter.acquire(2000).then((r) => (order.push('a'), r));
    const b = limiter.acquire(2000).then((r) => (order.push('b'), r));
    expect(limiter.waiting).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(order).toEqual([]);
    holder();
    const releaseA = await a;
    expect(order).toEqual(['a']);
    // A newcomer does not jump the queue while b waits.
    expect(await limiter.acquire(0)).toBeNull();
    releaseA!();
    expect(await b).toBeTypeOf('function');
    expect(order).toEqual(['a', 'b']);
    expect(limiter.active).toBe(1);
  });

  it('gives up after the wait and frees the waiter’s place in the queue', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const holder = (await limiter.acquire(0))!;
    const late = limiter.acquire(2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await late).toBeNull();
    expect(limiter.waiting).toBe(0);
    holder();
    expect(limiter.active).toBe(0);
  });

  it('stops waiting when the waiter’s signal aborts, and refuses an aborted one', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const holder = (await limiter.acquire(0))!;
    const controller = new AbortController();
    const leaving = limiter.acquire(2000, controller.signal);
    controller.abort();
    expect(await leaving).toBeNull();
    expect(limiter.waiting).toBe(0);
    holder();
    expect(await limiter.acquire(2000, controller.signal)).toBeNull();
    expect(limiter.active).toBe(0);
  });

  it('refuses at once when the queue is full', async () => {
    const limiter = new ConcurrencyLimiter(1, 1);
    await limiter.acquire(0);
    void limiter.acquire(2000);
    expect(await limiter.acquire(2000)).toBeNull();
  });
});
