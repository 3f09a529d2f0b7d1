import { describe, expect, it } from 'vitest';
import { maskPhone } from './labels';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });

  it('keeps only the last four digits of any other number, and nothing of a short one', () => {
    expect(maskPhone('0599-86120311')).toBe('********0311');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone(null)).toBe('');
  });
});
