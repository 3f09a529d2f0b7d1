import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendAudit, type AuditActor, type AuditEntry } from '@/lib/audit/append';
import type { Actor } from '@/lib/auth/permissions';
import { exportAuditEntries, getAuditEntry, listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import { auditActions, auditEntityTypes } from '@/lib/audit/vocabulary';
import { AppError } from '@/lib/errors';
import { createTestDatabase, type TestDatabase } from '../db';
import { editAfter } from './audit-fixtures';

// The trail as auditors search it: filters, Beijing-day ranges around midnight, pages, export.

const auditor: Actor = { id: 1, role: 'auditor', branchScope: null };
const anEditor: Actor = { id: 2, role: 'editor', branchScope: null };

let db: TestDatabase;
const admin: AuditActor = { id: 1, name: 'admin', role: 'admin', ip: '10.0.0.1' };
const editor: AuditActor = { id: 2, name: 'Editor_Wang', role: 'editor', ip: '10.0.0.2' };
const system: AuditActor = { id: null, name: 'system', role: 'system' };

// [actor, action, entity type, entity id, UTC instant]: Beijing midnight of 2 January is 16:00 UTC on 1 January.
const rows: [AuditActor, string, string, string, string][] = [
  [system, 'seed.run', 'database', '1', '2026-01-01T15:59:59.999Z'], // Beijing 1 Jan 23:59:59.999
  [admin, 'user.create', 'user', '5', '2026-01-01T16:00:00.000Z'], // Beijing 2 Jan 00:00
  [editor, 'auth.login', 'user', '2', '2026-01-02T08:00:00.000Z'], // Beijing 2 Jan 16:00
  [admin, 'user.update', 'user', '5', '2026-01-02T15:59:59.999Z'], // Beijing 2 Jan 23:59:59.999
  [admin, 'user_x.odd', 'user', '6', '2026-01-02T16:00:00.000Z'], // Beijing 3 Jan 00:00
  [editor, 'article.create', 'article', '12', '2026-01-03T02:00:00.000Z'], // Beijing 3 Jan 10:00
];

beforeAll(async () => {
  db = await createTestDatabase();
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    for (const [actor, action, entityType, entityId, at] of rows) {
      vi.setSystemTime(new Date(at));
      // Some rows hold values the vocabulary does not list, as rows older than it may.
      const entry = { action, entityType, entityId, before: action.endsWith('update') ? { role: 'editor' } : null, after: { role: 'admin', passwordHash: 'x' } } as AuditEntry;
      await db.db.transaction((tx) => appendAudit(tx, actor, entry));
    }
  } finally {
    vi.useRealTimers();
  }
});
afterAll(() => db.close());

const idsOf = async (filters: Parameters<typeof listAuditEntries>[1]) => (await listAuditEntries(auditor, filters)).items.map((i) => i.id);

describe('listAuditEntries', () => {
  it('lists newest first with the list columns only and the total', async () => {
    const page = await listAuditEntries(auditor, {});
    expect(page).toMatchObject({ count: { total: 6, capped: false }, isFirst: true, isLast: true, next: null, prev: null, pageSize: 50 });
    expect(page.items.map((i) => i.id)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(page.items[0]).toEqual({ id: 6, at: new Date('2026-01-03T02:00:00.000Z'), actorId: 2, actorName: 'Editor_Wang', actorRole: 'editor', action: 'article.create', entityType: 'article', entityId: '12', ip: '10.0.0.2' });
  });

  it('matches the actor as a case-insensitive substring, with % and _ taken literally', async () => {
    expect(await idsOf({ actor: 'EDITOR' })).toEqual([6, 3]);
    expect(await idsOf({ actor: 'r_w' })).toEqual([6, 3]);
    expect(await idsOf({ actor: '%' })).toEqual([]);
  });

  it('filters by entity type and id exactly, and by action prefix', async () => {
    expect(await idsOf({ entityType: 'user' })).toEqual([5, 4, 3, 2]);
    expect(await idsOf({ entityType: 'user', entityId: '5' })).toEqual([4, 2]);
    expect(await idsOf({ entityType: 'use' })).toEqual([]);
    expect(await idsOf({ action: 'user.' })).toEqual([4, 2]);
    expect(await idsOf({ action: 'user' })).toEqual([5, 4, 2]);
    expect(await idsOf({ action: 'auth.login' })).toEqual([3]);
  });

  it('takes from and to as whole Beijing days, inclusive, split exactly at midnight', async () => {
    expect(await idsOf({ from: '2026-01-02', to: '2026-01-02' })).toEqual([4, 3, 2]);
    expect(await idsOf({ to: '2026-01-01' })).toEqual([1]);
    expect(await idsOf({ from: '2026-01-03' })).toEqual([6, 5]);
    expect(await idsOf({ from: '2026-01-03', to: '2026-01-02' })).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await idsOf({ actor: 'admin', action: 'user.', from: '2026-01-02', to: '2026-01-02' })).toEqual([4, 2]);
  });

  it('pages by cursor with the same count on every page, filters kept', async () => {
    const walk = async (filters: Parameters<typeof listAuditEntries>[1]) => {
      const pages = [];
      let cursor: string | undefined;
      do {
        const page = await listAuditEntries(auditor, { ...filters, cursor });
        pages.push(page);
        cursor = page.next ?? undefined;
      } while (cursor);
      return pages;
    };
    const pages = await walk({ pageSize: 2 });
    expect(pages.map((p) => p.items.map((i) => i.id))).toEqual([[6, 5], [4, 3], [2, 1]]);
    for (const p of pages) expect(p.count).toEqual({ total: 6, capped: false });
    expect((await walk({ entityType: 'user', pageSize: 3 })).map((p) => p.items.map((i) => i.id))).toEqual([[5, 4, 3], [2]]);
    expect(await listAuditEntries(auditor, { actor: 'nobody' })).toMatchObject({ items: [], count: { total: 0 }, isFirst: true, isLast: true });
  });
});

describe('getAuditEntry', () => {
  it('returns one row with snapshots, hashes and whether its content still matches its hash', async () => {
    const entry = await getAuditEntry(auditor, 4);
    expect(entry).toMatchObject({ id: 4, action: 'user.update', before: { role: 'editor' }, after: { role: 'admin' }, contentIntact: true });
    expect(entry!.prevHash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry!.prevHash).toBe((await getAuditEntry(auditor, 3))!.hash);
    expect(await getAuditEntry(auditor, 999)).toBeNull();
    expect(await getAuditEntry(auditor, 0)).toBeNull();
    expect(await getAuditEntry(auditor, Number.NaN)).toBeNull();
  });
});

describe('listAuditFacets', () => {
  it('lists the vocabulary, sorted, then the values only older rows hold', async () => {
    const facets = await listAuditFacets(auditor);
    expect(facets.entityTypes).toEqual([...Object.keys(auditEntityTypes).sort(), 'database']);
    expect(facets.actions).toEqual([...Object.keys(auditActions).sort(), 'seed.run', 'user_x.odd']);
    // Actions no row holds yet are offered too: a new action appears before it is first written.
    expect(facets.actions).toContain('rules.create');
  });

  it('finds the rows of an older value through its option', async () => {
    expect(await idsOf({ action: 'seed.' })).toEqual([1]);
    expect(await idsOf({ entityType: 'database' })).toEqual([1]);
    expect(await idsOf({ action: 'rules.' })).toEqual([]);
  });
});

describe('exportAuditEntries', () => {
  const exported = async (...args: Parameters<typeof exportAuditEntries> extends [unknown, ...infer Rest] ? Rest : never) => {
    const batches = [];
    for await (const batch of exportAuditEntries(auditor, ...args)) batches.push(batch.map((r) => r.id));
    return batches;
  };

  it('yields the filtered rows newest first in batches, with snapshots, up to the limit', async () => {
    expect(await exported({}, { batchSize: 4 })).toEqual([[6, 5, 4, 3], [2, 1]]);
    expect(await exported({}, { batchSize: 3 })).toEqual([[6, 5, 4], [3, 2, 1]]);
    expect(await exported({ entityType: 'user' }, { batchSize: 3, limit: 3 })).toEqual([[5, 4, 3]]);
    expect(await exported({ entityType: 'user' }, { batchSize: 2, limit: 3 })).toEqual([[5, 4], [3]]);
    expect(await exported({ actor: 'nobody' })).toEqual([]);
    const { value: [first] = [] } = await exportAuditEntries(auditor, { action: 'user.update' }).next();
    expect(first).toMatchObject({ id: 4, before: { role: 'editor' }, after: { role: 'admin' } });
  });

  it('reports an edited row as no longer matching its hash', async () => {
    await editAfter(db.db, 1, { role: 'forged' });
    expect(await getAuditEntry(auditor, 1)).toMatchObject({ after: { role: 'forged' }, contentIntact: false });
  });
});

const isForbidden = (error: unknown) => error instanceof AppError && error.code === 'forbidden' && error.status === 403;

describe('permissions', () => {
  it('refuses every read of the trail to a role without audit.read', async () => {
    await expect(listAuditEntries(anEditor, {})).rejects.toSatisfy(isForbidden);
    await expect(getAuditEntry(anEditor, 1)).rejects.toSatisfy(isForbidden);
    await expect(listAuditFacets(anEditor)).rejects.toSatisfy(isForbidden);
    await expect(exportAuditEntries(anEditor, {}).next()).rejects.toSatisfy(isForbidden);
  });
});
