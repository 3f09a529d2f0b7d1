import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

describe('formatDate', () => {
  it('shows the date in Beijing time, not UTC', () => {
    expect(formatDate(new Date('2025-03-13T17:30:00Z'))).toBe('2025-03-14');
  });

  it('shows nothing for a missing date', () => {
    expect(formatDate(null)).toBe('');
  });
});
