import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema/audit';
import { columns } from '@/db/schema/columns';
import { appendAudit } from '@/lib/audit/append';
import { chainHash, GENESIS_HASH } from '@/lib/audit/chain';
import { verifyAuditChain } from '@/lib/audit/verify';
import { createTestDatabase, type TestDatabase } from '../db';
import { adminActor, appendRows, asTableOwner, chainRows, deleteRow, editAfter, jsonbTypes, resetChain, swapRows } from './audit-fixtures';

// The trail's guarantees: it commits with the change it records, concurrent writers extend one
// chain, and any edit, deletion or reordering made behind the application is found and named.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());
beforeEach(() => resetChain(db.db));

describe('append-only', () => {
  it('refuses updates, deletions and truncation in the database itself', async () => {
    await appendRows(db.db, 2);
    await expect(db.db.execute(sql`update audit_log set action = 'forged' where id = 1`)).rejects.toThrow();
    await expect(db.db.execute(sql`delete from audit_log where id = 2`)).rejects.toThrow();
    await expect(db.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await chainRows(db.db)).map((r) => r.action)).toEqual(['user.update', 'user.update']);
  });

  it('refuses an append outside a transaction, where the chain lock would not hold', async () => {
    await expect(appendAudit(db.db, adminActor, { action: 'user.update', entityType: 'user' })).rejects.toThrow(/inside the transaction/);
  });
});

describe('appending', () => {
  it('rolls back with the change it records when the transaction fails', async () => {
    await expect(
      db.db.transaction(async (tx) => {
        await tx.insert(columns).values({ slug: 'rolled-back', name: '回滚栏目', sortOrder: 99 });
        await appendAudit(tx, adminActor, { action: 'column.create', entityType: 'column', entityId: 'rolled-back', after: { name: '回滚栏目' } });
        throw new Error('the command failed after auditing');
      }),
    ).rejects.toThrow('the command failed after auditing');
    const [audits] = await db.db.select({ n: count() }).from(auditLog);
    const [cols] = await db.db.select({ n: count() }).from(columns).where(eq(columns.slug, 'rolled-back'));
    expect([audits!.n, cols!.n]).toEqual([0, 0]);
  });

  it('keeps one chain under 20 concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.db.transaction(async (tx) => {
          // Work before the append widens the window in which an unlocked writer would fork.
          await tx.execute(sql`select pg_sleep(0.01)`);
          await appendAudit(tx, { ...adminActor, id: i + 1, name: `writer-${i + 1}` }, { action: 'user.update', entityType: 'user', entityId: i + 1, after: { i } });
        }),
      ),
    );
    const rows = await chainRows(db.db);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.actorName)).size).toBe(20);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(20);
    rows.forEach((row, i) => expect(row.prevHash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash));
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 20 });
  });

  it('never stores passwords or hashes, even nested, and the row still verifies', async () => {
    await db.db.transaction((tx) =>
      appendAudit(tx, adminActor, {
        action: 'user.create',
        entityType: 'user',
        entityId: 9,
        before: null,
        after: { username: 'li', passwordHash: '$argon2id$v=19$secret', role: 'editor', reset: { token: 't', password: 'p', at: new Date('2026-01-01T00:00:00Z') } },
      }),
    );
    const [row] = await chainRows(db.db);
    expect(row!.after).toEqual({ username: 'li', role: 'editor', reset: { at: '2026-01-01T00:00:00.000Z' } });
    expect(JSON.stringify(row)).not.toMatch(/argon2|passwordHash/);
    expect(row!.before).toBeNull();
    expect(await jsonbTypes(db.db)).toEqual(['object']);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 1 });
  });

  it('verifies across batch boundaries', async () => {
    await appendRows(db.db, 7);
    expect(await verifyAuditChain(db.db, 3)).toEqual({ ok: true, rows: 7 });
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 7 });
  });
});

describe('tampering behind the application', () => {
  beforeEach(() => appendRows(db.db, 5));

  it('an intact chain of five verifies', async () => {
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 5 });
  });

  it('an edited row fails its own hash', async () => {
    await editAfter(db.db, 3, { n: 300 });
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 3, brokenAt: 3, reason: 'hash-mismatch' });
    expect(await verifyAuditChain(db.db, 2)).toEqual({ ok: false, rows: 3, brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('an edited row whose hash was recomputed breaks the link of the next row', async () => {
    const rows = await chainRows(db.db);
    const { id: _id, hash: _hash, ...fields } = rows[2]!;
    const forged = { ...fields, after: { n: 300 } };
    await asTableOwner(db.db, sql`update audit_log set after = ${JSON.stringify(forged.after)}::jsonb, hash = ${chainHash(forged)} where id = 3`);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 4, brokenAt: 4, reason: 'link-mismatch' });
  });

  it('a deleted middle row breaks the link of the row after it', async () => {
    await deleteRow(db.db, 3);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 3, brokenAt: 4, reason: 'link-mismatch' });
  });

  it('two swapped rows break the link at the earlier one', async () => {
    await swapRows(db.db, 2, 3);
    const rows = await chainRows(db.db);
    expect(rows.map((r) => (r.after as { n: number }).n)).toEqual([1, 3, 2, 4, 5]);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 2, brokenAt: 2, reason: 'link-mismatch' });
  });

  it('a deleted last row cannot be seen from the chain alone', async () => {
    // Documented limit: truncating the tail leaves a valid, shorter chain.
    await deleteRow(db.db, 5);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 4 });
  });
});
