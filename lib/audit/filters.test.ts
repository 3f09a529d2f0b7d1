import { describe, expect, it } from 'vitest';
import { auditQueryString, beijingDayEnd, beijingDayStart, parseAuditFilters, parseAuditPage } from './filters';

describe('parseAuditFilters', () => {
  it('keeps valid values, trimmed, from a record or URLSearchParams', () => {
    const expected = { actor: 'li', entityType: 'user', entityId: '5', action: 'user.', from: '2026-01-01', to: '2026-01-31' };
    expect(parseAuditFilters({ actor: ' li ', entityType: 'user', entityId: '5', action: 'user.', from: '2026-01-01', to: '2026-01-31' })).toEqual(expected);
    expect(parseAuditFilters(new URLSearchParams('actor=li&entityType=user&entityId=5&action=user.&from=2026-01-01&to=2026-01-31'))).toEqual(expected);
  });

  it('drops what does not parse instead of failing', () => {
    expect(
      parseAuditFilters({ actor: '   ', entityType: 'x'.repeat(101), action: ['auth.', 'user.'], from: '2026-02-30', to: '2026/01/01', page: 'abc' }),
    ).toEqual({ action: 'auth.' });
    expect(parseAuditFilters({ from: '2024-02-29', to: '2026-13-01' })).toEqual({ from: '2024-02-29' });
    expect(parseAuditFilters({})).toEqual({});
  });
});

describe('parseAuditPage', () => {
  it('is a positive integer, else 1', () => {
    expect(parseAuditPage({ page: '3' })).toBe(3);
    for (const page of ['0', '-1', '1.5', 'x', undefined, '99999999999']) expect(parseAuditPage({ page })).toBe(1);
  });
});

describe('auditQueryString', () => {
  it('carries the filters and a page beyond the first, and is empty without them', () => {
    expect(auditQueryString({})).toBe('');
    expect(auditQueryString({ actor: '李 明', action: 'user.' }, 2)).toBe('?actor=%E6%9D%8E+%E6%98%8E&action=user.&page=2');
    expect(parseAuditFilters(new URLSearchParams(auditQueryString({ actor: 'a&b=c', from: '2026-01-01' }).slice(1)))).toEqual({ actor: 'a&b=c', from: '2026-01-01' });
  });
});

describe('Beijing days', () => {
  it('start at 16:00 UTC the day before and last 24 hours', () => {
    expect(beijingDayStart('2026-01-02').toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(beijingDayEnd('2026-01-02').toISOString()).toBe('2026-01-02T16:00:00.000Z');
  });
});
