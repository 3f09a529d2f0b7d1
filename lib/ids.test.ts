import { describe, expect, it } from 'vitest';
import { parseId, rowRef } from './ids';

describe('parseId', () => {
  it('reads a plain positive integer', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId('42')).toBe(42);
    expect(parseId('999999999')).toBe(999_999_999);
  });

  it('refuses anything else, so routes answer 404', () => {
    for (const raw of [undefined, null, '', '0', '007', '-1', '+1', '1.0', '1e3', ' 1', '1 ', '0x1f', 'abc', '１２', '1000000000']) {
      expect(parseId(raw), String(raw)).toBeNull();
    }
  });

  it('allows longer ids for bigint columns when asked, within safe integers', () => {
    expect(parseId('123456789012345', { digits: 15 })).toBe(123_456_789_012_345);
    expect(parseId('1234567890123456', { digits: 15 })).toBeNull();
    expect(parseId('1234567890', { digits: 15 })).toBe(1_234_567_890);
  });
});

describe('rowRef', () => {
  it('takes a positive integer that fits an integer column, and refuses anything else with its message', () => {
    const ref = rowRef('缺少编号。');
    expect(ref.parse('2147483647')).toBe(2147483647);
    for (const bad of ['2147483648', '0', '-1', '1.5', 'abc', undefined]) {
      const result = ref.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('缺少编号。');
    }
  });
});
