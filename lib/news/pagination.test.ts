import { describe, expect, it } from 'vitest';
import { pageCountOf, parsePage } from './pagination';

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
