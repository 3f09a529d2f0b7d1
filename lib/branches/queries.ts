import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import { branches } from '@/db/schema/branches';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { type BranchNode, type BranchOption, branchOptions } from './tree';

// Reads over the branch tree. The tree walks are recursive CTEs (PostgreSQL 15 and PGlite alike)
// and take the database or transaction to run on, since sessions and commands bring their own.

// A tree is a few levels deep (work committee → unit → general branch → branch → party group);
// the bound only keeps a corrupted parent chain from looping.
const MAX_DEPTH = 32;

/** Ids of `branchId` and every branch below it; empty when there is no such branch. */
export async function branchSubtree(db: Database, branchId: number): Promise<number[]> {
  const rows = await selectRows<{ id: number }>(
    db,
    sql`with recursive tree as (
          select id from branches where id = ${branchId}
          union
          select b.id from branches b join tree t on b.parent_id = t.id
        ) select id from tree`,
  );
  return rows.map((r) => Number(r.id));
}

/** The nodes from the root down to `branchId` (root first, the node itself last); empty when there is no such branch. */
export async function branchPath(db: Database, branchId: number): Promise<BranchNode[]> {
  const rows = await selectRows<{ id: number; parent_id: number | null; name: string }>(
    db,
    sql`with recursive up as (
          select id, parent_id, name, 0 as depth from branches where id = ${branchId}
          union all
          select b.id, b.parent_id, b.name, u.depth + 1 from branches b join up u on b.id = u.parent_id
          where u.depth < ${MAX_DEPTH}
        ) select id, parent_id, name from up order by depth desc`,
  );
  return rows.map((r) => ({ id: Number(r.id), parentId: r.parent_id === null ? null : Number(r.parent_id), name: r.name }));
}

/** True when `branchId` is `ancestorId` or lies below it. */
export async function isWithin(db: Database, branchId: number, ancestorId: number): Promise<boolean> {
  const rows = await selectRows<{ inside: boolean }>(
    db,
    sql`with recursive up as (
          select id, parent_id, 0 as depth from branches where id = ${branchId}
          union all
          select b.id, b.parent_id, u.depth + 1 from branches b join up u on b.id = u.parent_id
          where u.depth < ${MAX_DEPTH}
        ) select exists (select 1 from up where id = ${ancestorId}) as inside`,
  );
  return rows[0]?.inside === true;
}

/** True when a branch with this id exists. */
export async function branchExists(db: Database, branchId: number): Promise<boolean> {
  const [row] = await db.select({ id: branches.id }).from(branches).where(eq(branches.id, branchId));
  return row !== undefined;
}

/** Every node of the branch tree, in tree order, indented by depth, for the user form's select. */
export async function listBranchOptions(actor: Actor): Promise<BranchOption[]> {
  authorize(actor, 'users.manage');
  const db = await getDb();
  const rows = await db.select({ id: branches.id, parentId: branches.parentId, name: branches.name }).from(branches).orderBy(asc(branches.sortOrder), asc(branches.id));
  return branchOptions(rows);
}
