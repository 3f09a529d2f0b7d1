import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor } from '@/lib/auth/permissions';
import { AUDIT_COUNT_CAP, type AuditList, listAuditEntries } from '@/lib/audit/queries';
import { createTestDatabase, type TestDatabase } from '../db';
import { appendRows } from './audit-fixtures';

// Keyset pages of the audit trail: forward and back over pages whose edges fall inside runs of
// rows with the same timestamp, the first and last pages, cursors that lead nowhere or are not
// cursors at all, and the count capped at AUDIT_COUNT_CAP.

const auditor: Actor = { id: 1, role: 'auditor', branchScope: null };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

let db: TestDatabase;

// Ids 1-9 through appendAudit at these instants (runs of equal times), then ids 10 and 11 within
// one millisecond, in reverse time order, so the list is ordered by time and not by id:
// 10, 11, 9, 8, 7, 6, 5, 4, 3, 2, 1.
const times = ['T00:00:00.000', 'T01:00:00.000', 'T01:00:00.000', 'T01:00:00.000', 'T02:00:00.000', 'T02:00:00.000', 'T03:00:00.000', 'T04:00:00.000', 'T04:00:00.000'];

beforeAll(async () => {
  db = await createTestDatabase();
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    await appendRows(db.db, times.length, (i) => {
      vi.setSystemTime(new Date(`2026-03-01${times[i - 1]}Z`));
      return { entityType: i % 2 ? 'user' : 'article' };
    });
  } finally {
    vi.useRealTimers();
  }
  // appendAudit writes milliseconds; a row from elsewhere (a default of now()) has microseconds.
  await db.db.execute(sql`
    insert into audit_log (action, entity_type, at, prev_hash, hash) values
      ('user.update', 'user', '2026-03-01T05:00:00.123456Z', 'x', 'x'),
      ('user.update', 'article', '2026-03-01T05:00:00.123001Z', 'x', 'x')`);
});
afterAll(() => db.close());

const ids = (page: AuditList) => page.items.map((i) => i.id);
const list = (cursor?: string | null, more: Parameters<typeof listAuditEntries>[1] = {}) => listAuditEntries(auditor, { pageSize: 3, ...more, cursor: cursor ?? undefined });

async function walk(start: string | undefined, step: 'next' | 'prev', more: Parameters<typeof listAuditEntries>[1] = {}) {
  const pages: AuditList[] = [];
  let cursor: string | undefined | null = start;
  do {
    const page = await list(cursor, more);
    pages.push(page);
    cursor = page[step];
  } while (cursor && pages.length < 20);
  return pages;
}

describe('audit trail keyset pages', () => {
  it('walks forward from the first page to the last, across runs of equal times', async () => {
    const pages = await walk(undefined, 'next');
    expect(pages.map(ids)).toEqual([[10, 11, 9], [8, 7, 6], [5, 4, 3], [2, 1]]);
    expect(pages.map((p) => [p.isFirst, p.isLast])).toEqual([[true, false], [false, false], [false, false], [false, true]]);
    expect(pages[0]!.prev).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();
    for (const p of pages) expect(p.count).toEqual({ total: 11, capped: false });
    for (const p of pages) for (const c of [p.next, p.prev]) if (c) expect(c).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it('walks back from every page to the one before it', async () => {
    const pages = await walk(undefined, 'next');
    for (let i = 1; i < pages.length; i++) expect(ids(await list(pages[i]!.prev))).toEqual(ids(pages[i - 1]!));
    expect(await list(pages[1]!.prev)).toMatchObject({ isFirst: true, prev: null });
  });

  it('opens the last page (the oldest rows) and walks back to the first, which is always full', async () => {
    const pages = await walk('last', 'prev');
    expect(pages.map(ids)).toEqual([[3, 2, 1], [6, 5, 4], [9, 8, 7], [10, 11, 9]]);
    expect(pages[0]).toMatchObject({ isLast: true, isFirst: false, next: null });
    expect(pages.at(-1)).toMatchObject({ isFirst: true, prev: null });
    expect(ids(await list(pages[1]!.next))).toEqual([3, 2, 1]);
  });

  it('keeps rows apart that differ by microseconds only', async () => {
    const first = await list(undefined, { pageSize: 1 });
    expect(ids(first)).toEqual([10]);
    const second = await list(first.next, { pageSize: 1 });
    expect(ids(second)).toEqual([11]);
    expect(ids(await list(second.prev, { pageSize: 1 }))).toEqual([10]);
    expect(ids(await list(second.next, { pageSize: 1 }))).toEqual([9]);
  });

  it('pages within the filters, and a one-page list has no links', async () => {
    const pages = await walk(undefined, 'next', { entityType: 'article' });
    expect(pages.map(ids)).toEqual([[11, 8, 6], [4, 2]]);
    for (const p of pages) expect(p.count).toEqual({ total: 5, capped: false });
    expect(ids(await list('last', { entityType: 'article' }))).toEqual([6, 4, 2]);
    expect(await list(undefined, { entityType: 'article', pageSize: 10 })).toMatchObject({ isFirst: true, isLast: true, next: null, prev: null });
    expect(await list('last', { entityType: 'article', pageSize: 10 })).toMatchObject({ isFirst: true, isLast: true, next: null, prev: null });
    expect(await list(undefined, { entityType: 'none' })).toMatchObject({ items: [], isFirst: true, isLast: true, count: { total: 0 } });
  });

  it.each([
    ['garbage', 'garbage!'],
    ['an old page number', '2'],
    ['a forged invalid date', b64(['a', '2026-02-31T00:00:00.000000Z', 3])],
    ['SQL in the key', b64(['a', "2026-03-01T00:00:00.000000Z'::timestamptz); --", 3])],
    ['an array of values', ['x', 'y']],
    ['a position past the oldest row', b64(['a', '1970-01-01T00:00:00.000000Z', 1])],
    ['a position before the newest row', b64(['b', '2999-01-01T00:00:00.000000Z', 1])],
  ])('reads %s as the first page', async (_, cursor) => {
    const page = await listAuditEntries(auditor, { pageSize: 3, cursor });
    expect(ids(page)).toEqual([10, 11, 9]);
    expect(page).toMatchObject({ isFirst: true, prev: null });
  });

  it('keeps a page where it was while rows are appended', async () => {
    const first = await list();
    const second = await list(first.next);
    expect(ids(second)).toEqual([8, 7, 6]);
    await appendRows(db.db, 1); // id 12, now: the newest row
    expect(ids(await list())).toEqual([12, 10, 11]);
    expect(ids(await list(first.next))).toEqual([8, 7, 6]);
    expect(ids(await list(second.next))).toEqual([5, 4, 3]);
    expect(await list(second.prev)).toMatchObject({ isFirst: false, items: [{ id: 10 }, { id: 11 }, { id: 9 }] });
  });
});

describe('audit trail count', () => {
  it(`counts up to ${AUDIT_COUNT_CAP} and then says there are more`, async () => {
    await db.db.execute(sql`
      insert into audit_log (action, entity_type, at, prev_hash, hash)
      select 'bulk.insert', 'bulk', timestamptz '2026-02-01T00:00:00Z' + n * interval '1 second', 'x', 'x'
      from generate_series(1, ${AUDIT_COUNT_CAP}) as n`);
    expect((await listAuditEntries(auditor, {})).count).toEqual({ total: AUDIT_COUNT_CAP, capped: true });
    expect((await listAuditEntries(auditor, { entityType: 'bulk' })).count).toEqual({ total: AUDIT_COUNT_CAP, capped: false });
    expect((await listAuditEntries(auditor, { entityType: 'user' })).count).toEqual({ total: 7, capped: false });
    expect((await listAuditEntries(auditor, { countCap: 5 })).count).toEqual({ total: 5, capped: true });
    // Past the cap the pages go on to the oldest row.
    expect(ids(await listAuditEntries(auditor, { cursor: 'last', pageSize: 2 }))).toEqual([14, 13]);
  });
});
