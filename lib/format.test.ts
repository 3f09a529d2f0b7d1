import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('formatDate', () => {
  it('shows the date in Beijing time, not UTC', () => {
    expect(formatDate(new Date('2025-03-13T17:30:00Z'))).toBe('2025-03-14');
  });

  it('shows nothing for a missing date', () => {
    expect(formatDate(null)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows Beijing wall-clock time on a 24-hour clock', () => {
    expect(formatDateTime(new Date('2025-03-14T16:05:09Z'))).toBe('2025-03-15 00:05');
    expect(formatDateTime(new Date('2025-03-14T16:05:09Z'), { seconds: true })).toBe('2025-03-15 00:05:09');
  });
});
