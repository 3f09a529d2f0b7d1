import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import { activityRecords } from '@/db/schema/activities';
import { branches } from '@/db/schema/branches';
import { committeePositions, type MemberStatus, people } from '@/db/schema/people';
import { type Actor, authorize, can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { todayInBeijing } from '@/lib/calendar/days';
import { parentKindsOf } from './kinds';
import { termRulesInForce } from './rules-in-force';
import { isCurrent, termWarnings } from './terms';
import { type BranchNode, type BranchOption, branchOptions } from './tree';
import { buildBranchTree, countHits, type StatusCounts } from './tree-view';
import type { BranchDetail, BranchTree, SelectOption } from './types';

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

/** The nodes a reader may see: a branch-scoped actor's subtree, everyone else the whole tree. */
const visibleBranches = (actor: Actor) => (actor.branchScope ? inArray(branches.id, [...actor.branchScope]) : undefined);

/**
 * The tree for /admin/branches: one read of the nodes and one grouped count of the roster,
 * rolled up in memory. A secretary gets their own subtree; `q` marks nodes by name or code.
 */
export async function listBranchTree(actor: Actor, { q = '' }: { q?: string } = {}): Promise<BranchTree> {
  authorize(actor, 'branches.read');
  if (actor.branchScope && actor.branchScope.length === 0) return { roots: [], nodeCount: 0, hits: 0, q };
  const db = await getDb();
  const scope = visibleBranches(actor);
  const [rows, counts] = await Promise.all([
    db
      .select({ id: branches.id, parentId: branches.parentId, kind: branches.kind, name: branches.name, code: branches.code, dissolvedOn: branches.dissolvedOn })
      .from(branches)
      .where(scope)
      .orderBy(asc(branches.sortOrder), asc(branches.id)),
    db
      .select({ branchId: people.branchId, status: people.status, n: count() })
      .from(people)
      .where(actor.branchScope ? inArray(people.branchId, [...actor.branchScope]) : undefined)
      .groupBy(people.branchId, people.status),
  ]);
  const roots = buildBranchTree(rows, counts, q);
  return { roots, nodeCount: rows.length, hits: q ? countHits(roots) : 0, q };
}

/** People by status on the given nodes. */
async function statusCounts(db: Database, branchIds: number[]): Promise<StatusCounts> {
  if (branchIds.length === 0) return {};
  const rows = await db.select({ status: people.status, n: count() }).from(people).where(inArray(people.branchId, branchIds)).groupBy(people.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<MemberStatus, number>>;
}

/**
 * One node with its path, children, roster counts (own and subtree), records of its subtree and
 * committee terms with warnings from the rule set in force today. Null when there is no such
 * node; AppError('forbidden') when it lies outside the reader's scope.
 */
export async function getBranchDetail(actor: Actor, id: number): Promise<BranchDetail | null> {
  authorize(actor, 'branches.read');
  const db = await getDb();
  const [row] = await db.select().from(branches).where(eq(branches.id, id)).limit(1);
  if (!row) return null;
  authorize(actor, 'branches.read', { branchId: row.id });
  const today = todayInBeijing();
  const subtree = await branchSubtree(db, id);
  const [path, children, own, below, records, terms, rules] = await Promise.all([
    branchPath(db, id),
    db
      .select({ id: branches.id, name: branches.name, code: branches.code, kind: branches.kind, dissolvedOn: branches.dissolvedOn })
      .from(branches)
      .where(eq(branches.parentId, id))
      .orderBy(asc(branches.sortOrder), asc(branches.id)),
    statusCounts(db, [id]),
    statusCounts(db, subtree),
    db.select({ n: count() }).from(activityRecords).where(inArray(activityRecords.branchId, subtree)),
    db
      .select({
        id: committeePositions.id,
        personId: committeePositions.personId,
        personName: people.name,
        position: committeePositions.position,
        startsOn: committeePositions.startsOn,
        endsOn: committeePositions.endsOn,
        endedOn: committeePositions.endedOn,
        version: committeePositions.version,
      })
      .from(committeePositions)
      .innerJoin(people, eq(people.id, committeePositions.personId))
      .where(eq(committeePositions.branchId, id))
      .orderBy(desc(committeePositions.startsOn), asc(committeePositions.id)),
    termRulesInForce(db, today),
  ]);
  const years = rules?.termYears[row.kind] ?? null;
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    name: row.name,
    code: row.code,
    unitName: row.unitName,
    contactPhone: row.contactPhone,
    establishedOn: row.establishedOn,
    dissolvedOn: row.dissolvedOn,
    version: row.version,
    path: path.slice(0, -1).map(({ id: pathId, name }) => ({ id: pathId, name })),
    children,
    own,
    subtree: below,
    recordCount: records[0]?.n ?? 0,
    terms: terms.map((t) => ({ ...t, current: isCurrent(t, today) })),
    warnings: rules ? termWarnings(terms, today, rules.termWarningDays) : [],
    termRules: rules ? { ruleSetName: rules.ruleSetName, termWarningDays: rules.termWarningDays, termYears: years } : null,
    today,
    canManageTree: can(actor, 'branches.manage'),
    canManagePositions: can(actor, 'people.manage', { branchId: row.id }),
  };
}

/** Where a node may be moved: undissolved nodes of an allowed parent kind outside its own subtree. */
export async function listMoveTargets(actor: Actor, id: number): Promise<SelectOption[]> {
  authorize(actor, 'branches.manage');
  const db = await getDb();
  const [node] = await db.select({ kind: branches.kind, parentId: branches.parentId }).from(branches).where(eq(branches.id, id));
  if (!node) return [];
  const kinds = parentKindsOf(node.kind);
  if (kinds.length === 0) return [];
  const own = new Set(await branchSubtree(db, id));
  const rows = await db
    .select({ id: branches.id, name: branches.name, code: branches.code })
    .from(branches)
    .where(and(inArray(branches.kind, kinds), isNull(branches.dissolvedOn)))
    .orderBy(asc(branches.sortOrder), asc(branches.id));
  return rows.filter((r) => !own.has(r.id) && r.id !== node.parentId).map((r) => ({ id: r.id, label: `${r.name}（${r.code}）` }));
}

/**
 * Nodes the actor may act on for `action` (the whole tree, or a secretary's subtree), in tree
 * order and indented: undissolved ones (the targets of a transfer), or all for a filter.
 */
export async function listScopedBranchOptions(actor: Actor, action: 'people.read' | 'people.manage' | 'development.read' | 'hall.register', { includeDissolved = false } = {}): Promise<BranchOption[]> {
  authorize(actor, action);
  const db = await getDb();
  const rows = await db
    .select({ id: branches.id, parentId: branches.parentId, name: branches.name, dissolvedOn: branches.dissolvedOn })
    .from(branches)
    .where(visibleBranches(actor))
    .orderBy(asc(branches.sortOrder), asc(branches.id));
  // Parents outside the scope are cut, so the top of a secretary's subtree becomes a root.
  const ids = new Set(rows.map((r) => r.id));
  const open = new Set(rows.filter((r) => includeDissolved || r.dissolvedOn === null).map((r) => r.id));
  return branchOptions(rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parentId !== null && ids.has(r.parentId) ? r.parentId : null }))).filter((o) => open.has(o.id));
}

/** Answers a refusal thrown by a query with the 403 page; anything else goes on to the error page. */
export function isForbidden(error: unknown): boolean {
  return error instanceof AppError && error.code === 'forbidden';
}

/**
 * True while no organization has been entered: a fresh deployment's state after `admin:create`.
 * Reports that start from the top of the tree show an empty state then, not an error.
 */
export async function organizationTreeIsEmpty(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ id: branches.id }).from(branches).where(isNull(branches.parentId)).limit(1);
  return !row;
}
