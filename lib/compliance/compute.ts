import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { ruleSetsOverlapping, type RuleSetVersion } from '@/lib/rules/pick';
import { loadBranchRuleSets } from '@/lib/rules/queries';
import type { BranchRules } from '@/lib/rules/schemas';
import { type ComplianceNode, evaluateYear, type NodeCompliance } from './evaluate';
import { yearCounts } from './counts-cache';
import { nodeFilter } from './node-filter';
import { yearPeriod } from './periods';
import type { NodeRef } from './types';

// The shared core of the compliance reads: the subtree, the rule sets and the kept monthly
// counts of a year, evaluated in memory (evaluate.ts). Scope: the node asked for must lie in the
// actor's branch scope ('compliance.read'). The reports are queries.ts and desk.ts.

const MAX_DEPTH = 32;

type TreeRow = { id: number; parent_id: number | null; kind: ComplianceNode['kind']; name: string; established_on: string | null; dissolved_on: string | null };

export const dateText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

const nodeOf = (r: TreeRow): ComplianceNode => ({
  id: Number(r.id),
  parentId: r.parent_id === null ? null : Number(r.parent_id),
  kind: r.kind,
  name: r.name,
  establishedOn: dateText(r.established_on),
  dissolvedOn: dateText(r.dissolved_on),
});

/** The node and every node below it, parents before children, siblings in their sort order. */
export async function loadSubtree(db: Database, rootId: number): Promise<ComplianceNode[]> {
  const rows = await selectRows<TreeRow>(
    db,
    sql`with recursive tree as (
          select id, parent_id, kind, name, established_on, dissolved_on, array[sort_order, id] as path, 0 as depth
          from branches where id = ${rootId}
          union all
          select b.id, b.parent_id, b.kind, b.name, b.established_on, b.dissolved_on, t.path || array[b.sort_order, b.id], t.depth + 1
          from branches b join tree t on b.parent_id = t.id where t.depth < ${MAX_DEPTH}
        ) select id, parent_id, kind, name, established_on::text as established_on, dissolved_on::text as dissolved_on from tree order by path`,
  );
  return rows.map(nodeOf);
}

/** The nodes from `topId` down to `nodeId`, both included (just `nodeId` when it is not below `topId`). */
export async function loadPath(db: Database, topId: number, nodeId: number): Promise<ComplianceNode[]> {
  const rows = await selectRows<TreeRow & { depth: number }>(
    db,
    sql`with recursive up as (
          select id, parent_id, kind, name, established_on, dissolved_on, 0 as depth from branches where id = ${nodeId}
          union all
          select b.id, b.parent_id, b.kind, b.name, b.established_on, b.dissolved_on, u.depth + 1
          from branches b join up u on b.id = u.parent_id where u.id <> ${topId} and u.depth < ${MAX_DEPTH}
        ) select id, parent_id, kind, name, established_on::text as established_on, dissolved_on::text as dissolved_on, depth from up order by depth desc`,
  );
  const path = rows.map(nodeOf);
  return path[0]?.id === topId ? path : path.slice(-1);
}

/** The node's children in their sort order. */
export async function loadChildren(db: Database, nodeId: number): Promise<ComplianceNode[]> {
  const rows = await selectRows<TreeRow>(
    db,
    sql`select id, parent_id, kind, name, established_on::text as established_on, dissolved_on::text as dissolved_on
        from branches where parent_id = ${nodeId} order by sort_order, id`,
  );
  return rows.map(nodeOf);
}

/** The ids to restrict a query to: null when the nodes are the whole tree. */
export const scopeIds = (nodes: ComplianceNode[]) => (nodes[0]?.parentId === null ? null : nodes.map((n) => n.id));

/** The late-entry threshold of the rule set in force on each record's held_on, as one SQL expression. */
export function lateThreshold(sets: readonly RuleSetVersion<BranchRules>[], from: string, to: string): SQL {
  const overlapping = ruleSetsOverlapping(sets, from, to);
  if (overlapping.length === 0) return sql`null::int`;
  const branches = [...overlapping].reverse().map((s) => sql`when r.held_on >= ${s.effectiveFrom}::date then ${s.rules.lateEntryDays}::int`);
  return sql`(case ${sql.join(branches, sql` `)} else null end)`;
}

/**
 * 党课 whose speaker held the node's secretary position on the day, by node. Kept out of the
 * grouped query: its correlated test there makes the planner expect a cost high enough to JIT-compile.
 */
export async function loadSecretaryLectures(db: Database, from: string, to: string, filter: SQL): Promise<Map<number, number>> {
  const rows = await selectRows<{ branch_id: number; n: number }>(
    db,
    sql`select r.branch_id, count(*)::int as n
        from activity_records r
        where r.kind = 'party_lecture' and r.status <> 'draft' and r.held_on >= ${from}::date and r.held_on <= ${to}::date and ${filter}
          and exists (
            select 1 from committee_positions c
            where c.branch_id = r.branch_id and c.person_id = r.speaker_person_id and c.position = 'secretary'
              and c.starts_on <= r.held_on and r.held_on <= coalesce(c.ended_on, c.ends_on))
        group by 1`,
  );
  return new Map(rows.map((r) => [Number(r.branch_id), Number(r.n)]));
}

export async function topNodeId(db: Database): Promise<number> {
  const [row] = await selectRows<{ id: number }>(db, sql`select id from branches where parent_id is null order by sort_order, id limit 1`);
  if (!row) throw new AppError('not_found', '组织架构为空。');
  return Number(row.id);
}

/** The node a report starts from: the one asked for, else the actor's own branch, else the top of the tree. */
export async function resolveRoot(db: Database, actor: Actor & { branchId?: number | null }, branchId: number | null): Promise<number> {
  const id = branchId ?? actor.branchId ?? (await topNodeId(db));
  authorize(actor, 'compliance.read', { branchId: id });
  return id;
}

export const refOf = (n: ComplianceNode): NodeRef => ({ id: n.id, name: n.name, kind: n.kind });

export type Computed = { nodes: ComplianceNode[]; evaluated: NodeCompliance[]; sets: RuleSetVersion<BranchRules>[]; today: string };

export async function compute(db: Database, rootId: number, year: number, today: string): Promise<Computed> {
  const { from, to } = yearPeriod(year);
  const [nodes, sets] = await Promise.all([loadSubtree(db, rootId), loadBranchRuleSets(db)]);
  if (nodes.length === 0) throw new AppError('not_found', '该组织不存在。');
  const ids = scopeIds(nodes);
  const [counts, secretaryLectures] = await Promise.all([
    yearCounts(db, year, ids),
    loadSecretaryLectures(db, from, to, nodeFilter(sql`r.branch_id`, ids)),
  ]);
  return { nodes, sets, today, evaluated: evaluateYear({ year, today, nodes, counts, secretaryLectures, ruleSets: sets }) };
}
