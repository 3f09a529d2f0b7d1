import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches } from '@/db/schema/branches';
import type { Actor } from '@/lib/auth/permissions';
import { branchExists, branchPath, branchSubtree, isWithin, listBranchOptions } from '@/lib/branches/queries';
import { AppError } from '@/lib/errors';
import { createTestDatabase, type TestDatabase } from '../db';
import { seedDemo } from './auth-fixtures';

// The branch tree walks on the demo tree (db/seed/content/branches.ts): WC is the root;
// U01 holds branches B1 (with party group P1), B2 and B3; U03 has a general branch G1.

let db: TestDatabase;
const idOf = new Map<string, number>();
const codeOf = new Map<number, string>();
const id = (code: string) => idOf.get(code)!;
const codes = (ids: number[]) => ids.map((i) => codeOf.get(i)).sort();
const UNKNOWN = 999_999;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.db);
  for (const row of await db.db.select({ id: branches.id, code: branches.code }).from(branches)) {
    idOf.set(row.code, row.id);
    codeOf.set(row.id, row.code);
  }
});
afterAll(() => db.close());

describe('branchSubtree', () => {
  it('is the node and everything below it, nothing else', async () => {
    expect(codes(await branchSubtree(db.db, id('U01')))).toEqual(['U01', 'U01-B1', 'U01-B1-P1', 'U01-B2', 'U01-B3']);
    expect(codes(await branchSubtree(db.db, id('U03')))).toEqual(['U03', 'U03-B1', 'U03-G1', 'U03-G1-B1', 'U03-G1-B2']);
    expect(codes(await branchSubtree(db.db, id('U01-B1')))).toEqual(['U01-B1', 'U01-B1-P1']);
  });

  it('is the whole tree from the root, the node alone for a leaf, empty for an unknown id', async () => {
    expect(codes(await branchSubtree(db.db, id('WC')))).toEqual([...idOf.keys()].sort());
    expect(await branchSubtree(db.db, id('U01-B1-P1'))).toEqual([id('U01-B1-P1')]);
    expect(await branchSubtree(db.db, UNKNOWN)).toEqual([]);
  });
});

describe('branchPath', () => {
  it('runs from the root down to the node, the node last', async () => {
    expect((await branchPath(db.db, id('U01-B1-P1'))).map((n) => codeOf.get(n.id))).toEqual(['WC', 'U01', 'U01-B1', 'U01-B1-P1']);
    expect((await branchPath(db.db, id('U03-G1-B2'))).map((n) => codeOf.get(n.id))).toEqual(['WC', 'U03', 'U03-G1', 'U03-G1-B2']);
  });

  it('carries each node with its parent and name', async () => {
    const path = await branchPath(db.db, id('U01-B1'));
    expect(path.map((n) => n.parentId)).toEqual([null, id('WC'), id('U01')]);
    expect(path[0]!.name).toBe('中共江州市委市级机关工作委员会');
  });

  it('is the root alone for the root, empty for an unknown id', async () => {
    expect((await branchPath(db.db, id('WC'))).map((n) => n.id)).toEqual([id('WC')]);
    expect(await branchPath(db.db, UNKNOWN)).toEqual([]);
  });
});

describe('isWithin', () => {
  it('holds for the node itself and everything below it', async () => {
    expect(await isWithin(db.db, id('U01'), id('U01'))).toBe(true);
    expect(await isWithin(db.db, id('U01-B1-P1'), id('U01'))).toBe(true);
    expect(await isWithin(db.db, id('U03-G1-B1'), id('U03'))).toBe(true);
    expect(await isWithin(db.db, id('U01-B1-P1'), id('WC'))).toBe(true);
  });

  it('does not hold outside the subtree: siblings, other units, ancestors, the root', async () => {
    expect(await isWithin(db.db, id('U01-B2'), id('U01-B1'))).toBe(false);
    expect(await isWithin(db.db, id('U02-B1'), id('U01'))).toBe(false);
    expect(await isWithin(db.db, id('U01'), id('U01-B1'))).toBe(false);
    expect(await isWithin(db.db, id('WC'), id('U01'))).toBe(false);
    expect(await isWithin(db.db, UNKNOWN, id('WC'))).toBe(false);
  });

  it('agrees with branchSubtree on every node of the tree', async () => {
    const inside = new Set(await branchSubtree(db.db, id('U06')));
    for (const node of idOf.values()) expect(await isWithin(db.db, node, id('U06')), codeOf.get(node)).toBe(inside.has(node));
  });
});

describe('branchExists', () => {
  it('tells a seeded branch from an unknown id', async () => {
    expect(await branchExists(db.db, id('U01-B1'))).toBe(true);
    expect(await branchExists(db.db, UNKNOWN)).toBe(false);
  });
});

describe('listBranchOptions', () => {
  const admin: Actor = { id: 1, role: 'admin', branchScope: null };
  const editor: Actor = { id: 2, role: 'editor', branchScope: null };

  it('lists every node once, the root first, each branch indented below its unit', async () => {
    const options = await listBranchOptions(admin);
    expect(options).toHaveLength(idOf.size);
    expect(new Set(options.map((o) => o.id)).size).toBe(idOf.size);
    expect(options[0]).toEqual({ id: id('WC'), label: '中共江州市委市级机关工作委员会' });
    const unit = options.findIndex((o) => o.id === id('U01'));
    const branch = options.findIndex((o) => o.id === id('U01-B1'));
    expect(branch).toBeGreaterThan(unit);
    expect(options[unit]!.label.startsWith('　') && !options[unit]!.label.startsWith('　　')).toBe(true);
    expect(options[branch]!.label.startsWith('　　') && !options[branch]!.label.startsWith('　　　')).toBe(true);
  });

  it('is refused to a role without users.manage', async () => {
    await expect(listBranchOptions(editor)).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'forbidden');
  });
});
