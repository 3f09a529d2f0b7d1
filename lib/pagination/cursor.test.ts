import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema/audit';
import { decodeCursor, encodeCursor, LAST_CURSOR } from './cursor';
import { integerKey, nullableTimestampKey, timestampKey } from './keyset';

const at = timestampKey(auditLog.at);
const seq = integerKey(auditLog.id);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('cursors', () => {
  it('round-trip a position and a side as an opaque URL-safe string', () => {
    const position = { sort: '2026-01-02T03:04:05.123456Z', id: 42 };
    for (const kind of ['after', 'before'] as const) {
      const cursor = encodeCursor(kind, position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(encodeURIComponent(cursor)).toBe(cursor);
      expect(decodeCursor(cursor, at.parse)).toEqual({ kind, position });
    }
    expect(decodeCursor(encodeCursor('after', { sort: 17, id: 3 }), seq.parse)).toEqual({ kind: 'after', position: { sort: 17, id: 3 } });
  });

  it('keep a null position of a nullable timestamp as -infinity, and nothing else that is not an instant', () => {
    const published = nullableTimestampKey(auditLog.at);
    const cursor = encodeCursor('after', { sort: '-infinity', id: 9 });
    expect(decodeCursor(cursor, published.parse)).toEqual({ kind: 'after', position: { sort: '-infinity', id: 9 } });
    expect(decodeCursor(cursor, at.parse)).toEqual({ kind: 'first' });
    expect(decodeCursor(encodeCursor('after', { sort: 'infinity', id: 9 }), published.parse)).toEqual({ kind: 'first' });
    expect(published.parse('2026-01-02T03:04:05.123456Z')).toBe('2026-01-02T03:04:05.123456Z');
  });

  it('reads no cursor as the first page and `last` as the last', () => {
    expect(decodeCursor(undefined, at.parse)).toEqual({ kind: 'first' });
    expect(decodeCursor('', at.parse)).toEqual({ kind: 'first' });
    expect(decodeCursor(LAST_CURSOR, at.parse)).toEqual({ kind: 'last' });
    expect(decodeCursor([LAST_CURSOR, 'x'], at.parse)).toEqual({ kind: 'last' });
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['too long', 'A'.repeat(201)],
    ['not an array', b64({ a: 1 })],
    ['a wrong tag', b64(['x', '2026-01-02T03:04:05.123456Z', 1])],
    ['a missing id', b64(['a', '2026-01-02T03:04:05.123456Z'])],
    ['an extra element', b64(['a', '2026-01-02T03:04:05.123456Z', 1, 2])],
    ['a zero id', b64(['a', '2026-01-02T03:04:05.123456Z', 0])],
    ['a fractional id', b64(['a', '2026-01-02T03:04:05.123456Z', 1.5])],
    ['an id as text', b64(['a', '2026-01-02T03:04:05.123456Z', '1'])],
    ['an unsafe id', b64(['a', '2026-01-02T03:04:05.123456Z', 2 ** 60])],
    ['milliseconds only', b64(['a', '2026-01-02T03:04:05.123Z', 1])],
    ['31 February', b64(['a', '2026-02-31T03:04:05.123456Z', 1])],
    ['hour 24', b64(['a', '2026-01-02T24:00:00.000000Z', 1])],
    ['year 0', b64(['a', '0000-01-02T03:04:05.123456Z', 1])],
    ['an offset', b64(['a', '2026-01-02T03:04:05.123456+08:00', 1])],
    ['a number for a timestamp', b64(['a', 1_767_000_000_000, 1])],
    ['SQL in the key', b64(['a', "2026-01-02'; drop table audit_log; --", 1])],
  ])('reads a cursor with %s as the first page', (_, cursor) => {
    expect(decodeCursor(cursor, at.parse)).toEqual({ kind: 'first' });
  });

  it('accepts only the exact encoding of a position', () => {
    const cursor = encodeCursor('after', { sort: '2026-01-02T03:04:05.123456Z', id: 42 });
    const spaced = Buffer.from(JSON.stringify(['a', '2026-01-02T03:04:05.123456Z', 42], null, 1)).toString('base64url');
    expect(decodeCursor(spaced, at.parse)).toEqual({ kind: 'first' });
    expect(decodeCursor(`${cursor}==`, at.parse)).toEqual({ kind: 'first' });
  });

  it('validates integer keys', () => {
    expect(decodeCursor(b64(['b', 1.5, 1]), seq.parse)).toEqual({ kind: 'first' });
    expect(decodeCursor(b64(['b', '7', 1]), seq.parse)).toEqual({ kind: 'first' });
    expect(decodeCursor(b64(['b', -7, 1]), seq.parse)).toEqual({ kind: 'before', position: { sort: -7, id: 1 } });
  });
});
