import { describe, expect, it } from 'vitest';
import { ResultCache, searchCacheKey } from './result-cache';

const clock = () => {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('ResultCache', () => {
  it('answers within the time to live and forgets after it', () => {
    const time = clock();
    const cache = new ResultCache<string>({ ttlMs: 30_000, maxEntries: 10, now: time.now });
    cache.set('a', 'result');
    time.advance(29_999);
    expect(cache.has('a')).toBe(true);
    expect(cache.get('a')).toBe('result');
    time.advance(1);
    expect(cache.has('a')).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing when the time to live is zero', () => {
    const cache = new ResultCache<string>({ ttlMs: 0, maxEntries: 10 });
    cache.set('a', 'result');
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new ResultCache<number>({ ttlMs: 60_000, maxEntries: 3 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('d', 4);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
  });

  it('clear drops everything, and a result computed before the clear is not stored after it', () => {
    const cache = new ResultCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    cache.set('a', 'old');
    const before = cache.generation;
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'computed from the old data', before);
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', 'fresh', cache.generation);
    expect(cache.get('b')).toBe('fresh');
  });
});

describe('searchCacheKey', () => {
  const key = (query: string, columnSlug?: string, page = 1) => searchCacheKey({ query, columnSlug, page });

  it('is one key for spellings the tokenizer reads alike', () => {
    expect(key('营商环境')).toBe(key('  营商环境　'));
    expect(key('AI 读书')).toBe(key('ａｉ  读书'));
    expect(key('AI读书')).toBe(key('ai读书'));
    expect(key('营商环境！')).toBe(key('营商环境'));
  });

  it('differs by meaning, column and page', () => {
    expect(key('营商环境')).not.toBe(key('营商'));
    expect(key('党 课')).not.toBe(key('党课'));
    expect(key('营商环境', 'work-news')).not.toBe(key('营商环境'));
    expect(key('营商环境', undefined, 2)).not.toBe(key('营商环境'));
  });

  it('is null when there is nothing to search for', () => {
    expect(key('  ')).toBeNull();
    expect(key('🎉！')).toBeNull();
  });
});
