import { describe, expect, it } from 'vitest';
import { auditSnapshot, canonicalJson, chainHash, GENESIS_HASH } from './chain';

const fields = {
  actorId: 1,
  actorName: 'admin',
  actorRole: 'admin',
  action: 'user.create',
  entityType: 'user',
  entityId: '5',
  before: null,
  after: { username: 'li', role: 'editor' },
  ip: '127.0.0.1',
  at: new Date('2026-01-02T03:04:05.678Z'),
  prevHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });
});

describe('chainHash', () => {
  it('is stable for equal rows and changes with any field or the previous hash', () => {
    const base = chainHash(fields);
    expect(chainHash({ ...fields, after: { role: 'editor', username: 'li' } })).toBe(base);
    expect(chainHash({ ...fields, after: { username: 'li', role: 'admin' } })).not.toBe(base);
    expect(chainHash({ ...fields, at: new Date('2026-01-02T03:04:05.679Z') })).not.toBe(base);
    expect(chainHash({ ...fields, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('auditSnapshot', () => {
  it('never keeps passwords or hashes and turns dates into strings', () => {
    expect(auditSnapshot({ username: 'li', passwordHash: 'x', password: 'y', nested: { resetToken: 'z', at: new Date('2026-01-01T00:00:00Z') } })).toEqual({
      username: 'li',
      nested: { at: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('keeps flags that merely mention a password', () => {
    expect(auditSnapshot({ mustChangePassword: true, newPassword: 'secret-value' })).toEqual({ mustChangePassword: true });
  });
});
