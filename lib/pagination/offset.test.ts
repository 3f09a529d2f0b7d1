import { describe, expect, it } from 'vitest';
import { cappedCountLabel, cappedCountOf, countOf, offsetOf, pageCountOf, paginate, parsePage } from './offset';

describe('parsePage', () => {
  it.each([
    [undefined, 1],
    ['1', 1],
    ['7', 7],
    ['0', 1],
    ['-1', 1],
    ['abc', 1],
    ['2.5', 1],
    ['99999', 99999],
    ['1e3', 1],
    [['3', '4'], 3],
  ])('%s → %s', (raw, expected) => {
    expect(parsePage(raw as never)).toBe(expected);
  });
});

describe('pageCountOf', () => {
  it('has at least one page, even when empty', () => {
    expect(pageCountOf(0, 20)).toBe(1);
    expect(pageCountOf(41, 20)).toBe(3);
  });
});

describe('offsetOf', () => {
  it('skips whole pages before the one asked for', () => {
    expect([1, 2, 3].map((p) => offsetOf(p, 20))).toEqual([0, 20, 40]);
    expect(offsetOf(0, 20)).toBe(0);
  });
});

describe('paginate', () => {
  const rows = Array.from({ length: 45 }, (_, i) => i + 1);
  const list = (page: number, pageSize = 20) =>
    paginate({ page, pageSize, rows: async ({ limit, offset }) => rows.slice(offset, offset + limit), count: async () => rows.length });

  it('runs the page query with limit and offset and counts beside it', async () => {
    expect(await list(1)).toEqual({ items: rows.slice(0, 20), total: 45, page: 1, pageSize: 20, pageCount: 3 });
    expect(await list(3)).toMatchObject({ items: [41, 42, 43, 44, 45], page: 3, pageCount: 3 });
  });

  it('returns an empty page beyond the end, with the same total', async () => {
    expect(await list(4)).toEqual({ items: [], total: 45, page: 4, pageSize: 20, pageCount: 3 });
  });

  it('has one page for an empty list', async () => {
    expect(await paginate({ page: 1, pageSize: 10, rows: async () => [], count: async () => 0 })).toEqual({ items: [], total: 0, page: 1, pageSize: 10, pageCount: 1 });
  });
});

describe('capped counts', () => {
  it('caps the total and says so', () => {
    expect(cappedCountOf(37, 1000)).toEqual({ total: 37, capped: false });
    expect(cappedCountOf(1000, 1000)).toEqual({ total: 1000, capped: false });
    expect(cappedCountOf(1001, 1000)).toEqual({ total: 1000, capped: true });
    expect(cappedCountLabel(cappedCountOf(1001, 1000))).toBe('1000 条以上');
    expect(cappedCountLabel(cappedCountOf(3, 1000))).toBe('3 条');
  });
  it('reads a count row', () => {
    expect(countOf([{ n: 4 }])).toBe(4);
    expect(countOf([])).toBe(0);
  });
});
