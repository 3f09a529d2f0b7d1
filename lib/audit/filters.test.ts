import { describe, expect, it } from 'vitest';
import { auditCursor, auditQueryString, beijingDayEnd, beijingDayStart, parseAuditFilters } from './filters';

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

describe('auditCursor', () => {
  it('is the raw cursor, or none', () => {
    expect(auditCursor({ cursor: 'abc' })).toBe('abc');
    expect(auditCursor(new URLSearchParams('cursor=last&cursor=x'))).toBe('last');
    expect(auditCursor({ cursor: ['a', 'b'] })).toBe('a');
    // An old page-numbered address opens the first page.
    for (const input of [{ page: '3' }, { cursor: '' }, {}]) expect(auditCursor(input)).toBeUndefined();
  });
});

describe('auditQueryString', () => {
  it('carries the filters and a cursor beyond the first page, and is empty without them', () => {
    expect(auditQueryString({})).toBe('');
    expect(auditQueryString({ actor: '李 明', action: 'user.' }, 'WyJhIiwx_-')).toBe('?actor=%E6%9D%8E+%E6%98%8E&action=user.&cursor=WyJhIiwx_-');
    expect(auditQueryString({ action: 'user.' }, null)).toBe('?action=user.');
    expect(parseAuditFilters(new URLSearchParams(auditQueryString({ actor: 'a&b=c', from: '2026-01-01' }).slice(1)))).toEqual({ actor: 'a&b=c', from: '2026-01-01' });
  });
});

describe('Beijing days', () => {
  it('start at 16:00 UTC the day before and last 24 hours', () => {
    expect(beijingDayStart('2026-01-02').toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(beijingDayEnd('2026-01-02').toISOString()).toBe('2026-01-02T16:00:00.000Z');
  });
});
