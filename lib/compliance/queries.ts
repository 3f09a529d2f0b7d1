import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { selectRows } from '@/db/rows';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { subtractMonths, todayInBeijing } from '@/lib/calendar/days';
import { pickRuleSet, ruleSetsOverlapping } from '@/lib/rules/pick';
import { loadBranchRuleSets } from '@/lib/rules/queries';
import { compute, dateText, loadChildren, loadPath, loadSubtree, refOf, resolveRoot, scopeIds, topNodeId } from './compute';
import { nodeFilter } from './node-filter';
import { type ComplianceNode, type NodeCompliance, rollup, ruleKeysOf } from './evaluate';
import { yearPeriod } from './periods';
import type { ComplianceCardData, ComplianceReport, InactiveMembers } from './types';

// Compliance reads: the report of a node's subtree for a year, the branch card, the node filter
// and the six-months-without-organizational-life list (the secretary's desk is desk.ts). The
// whole committee for a year is one read of the kept monthly counts (activity_month_counts), one
// of the secretaries' own 党课, one of the tree and one of the rule sets, evaluated in memory
// (compute.ts, evaluate.ts).

/** Groups the evaluated nodes by their unit organization (the nearest one at or above), in tree order. */
function unitRollups(nodes: ComplianceNode[], evaluated: NodeCompliance[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = nodes[0]!;
  const unitOf = (node: ComplianceNode): ComplianceNode => {
    let current: ComplianceNode | undefined = node;
    while (current && current.kind !== 'unit_organization' && current.id !== root.id) current = current.parentId === null ? undefined : byId.get(current.parentId);
    return current ?? root;
  };
  const groups = new Map<number, NodeCompliance[]>();
  for (const e of evaluated) {
    const unit = unitOf(e.node);
    const group = groups.get(unit.id);
    if (group) group.push(e);
    else groups.set(unit.id, [e]);
  }
  return nodes.filter((n) => groups.has(n.id)).map((n) => rollup(n.id, n.name, groups.get(n.id)!));
}

/** The compliance of a node and its subtree for a year: every node × rule, per unit and in total. */
export async function complianceReport(actor: Actor, { branchId, year, today = todayInBeijing() }: { branchId: number | null; year: number; today?: string }): Promise<ComplianceReport> {
  authorize(actor, 'compliance.read');
  const db = await getDb();
  const rootId = await resolveRoot(db, actor, branchId);
  const { nodes, evaluated, sets } = await compute(db, rootId, year, today);
  const root = nodes[0]!;
  const { from, to } = yearPeriod(year);
  return {
    root: refOf(root),
    year,
    today,
    keys: ruleKeysOf(year, sets).filter((k) => evaluated.some((e) => e.rules.some((r) => r.key === k))),
    nodes: evaluated,
    units: unitRollups(nodes, evaluated),
    total: rollup(root.id, root.name, evaluated),
    ruleSets: ruleSetsOverlapping(sets, from, to).map(({ id, name, effectiveFrom }) => ({ id, name, effectiveFrom })),
  };
}

/** For the branch page's card: the node's own rules and its subtree's tally for the year. */
export async function branchComplianceCard(actor: Actor, branchId: number, year: number, today = todayInBeijing()): Promise<ComplianceCardData> {
  authorize(actor, 'compliance.read', { branchId });
  const db = await getDb();
  const { nodes, evaluated, sets } = await compute(db, branchId, year, today);
  const root = nodes[0]!;
  return {
    node: refOf(root),
    year,
    today,
    own: evaluated.find((e) => e.node.id === root.id) ?? null,
    subtree: rollup(root.id, root.name, evaluated),
    keys: ruleKeysOf(year, sets),
  };
}

/**
 * Nodes the actor may pick in the compliance filter, around the node shown: the way down to it
 * from the top of the actor's scope, the node itself and its children (party groups are judged
 * with their branch). Not the whole tree: at city size that is ~770 options on every page.
 */
export async function complianceNodeOptions(actor: Actor & { branchId?: number | null }, shownId?: number): Promise<{ id: number; label: string }[]> {
  authorize(actor, 'compliance.read');
  const db = await getDb();
  const scopeRoot = actor.branchId ?? (await topNodeId(db));
  const nodeId = shownId ?? scopeRoot;
  authorize(actor, 'compliance.read', { branchId: nodeId });
  const [path, children] = await Promise.all([loadPath(db, scopeRoot, nodeId), loadChildren(db, nodeId)]);
  const depth = path.length;
  return [
    ...path.map((n, i) => ({ id: n.id, label: `${'　'.repeat(i)}${n.name}` })),
    ...children.filter((n) => n.kind !== 'party_group').map((n) => ({ id: n.id, label: `${'　'.repeat(depth)}${n.name}` })),
  ];
}

/** Where a page of the inactive list starts: after this member in (branch, name, id) order. */
export type InactiveCursor = { branchId: number; name: string; personId: number };

const cursorShape = z.tuple([z.number().int().positive(), z.string().max(200), z.number().int().positive()]);

export function encodeInactiveCursor(c: InactiveCursor): string {
  return Buffer.from(JSON.stringify([c.branchId, c.name, c.personId]), 'utf8').toString('base64url');
}

/** A cursor that does not parse reads as the first page: a hand-edited URL never errors. */
export function decodeInactiveCursor(text: string | undefined): InactiveCursor | null {
  if (!text || text.length > 400) return null;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { branchId: parsed.data[0], name: parsed.data[1], personId: parsed.data[2] } : null;
  } catch {
    return null;
  }
}

/**
 * Members (预备党员, 正式党员) with no organizational life attended present for the rule's number
 * of months, a keyset page at a time in (branch, name) order.
 */
export async function inactiveMembers(
  actor: Actor & { branchId?: number | null },
  { branchId, today = todayInBeijing(), limit = 50, after = null }: { branchId: number | null; today?: string; limit?: number; after?: InactiveCursor | null },
): Promise<InactiveMembers> {
  authorize(actor, 'compliance.read');
  const db = await getDb();
  const rootId = await resolveRoot(db, actor, branchId);
  const set = pickRuleSet(await loadBranchRuleSets(db), today);
  const months = set?.rules.inactivityMonths ?? 6;
  const since = subtractMonths(today, months);
  const [root] = await loadPath(db, rootId, rootId);
  if (!root) throw new AppError('not_found', '该组织不存在。');
  const filter = nodeFilter(sql`p.branch_id`, scopeIds(await loadSubtree(db, rootId)));
  const start = after ? sql`(p.branch_id, p.name, p.id) > (${after.branchId}::int, ${after.name}::text, ${after.personId}::int)` : sql`true`;
  // Who is flagged is settled per member by an existence test over their attendance; the day
  // they were last present is then read for the listed members only.
  const rows = await selectRows<{ id: number; name: string; status: InactiveMembers['items'][number]['status']; branch_id: number; branch_name: string; last_on: string | null }>(
    db,
    sql`with flagged as (
          select p.id, p.name, p.status, p.branch_id from people p
          where p.status in ('probationary', 'full_member') and ${filter} and ${start}
            and (p.joined_party_on is null or p.joined_party_on <= ${since}::date)
            and not exists (
              select 1 from activity_attendees a join activity_records r on r.id = a.record_id
              where a.person_id = p.id and a.attendance = 'present' and r.status <> 'draft'
                and r.held_on > ${since}::date and r.held_on <= ${today}::date)
          order by p.branch_id, p.name, p.id
          limit ${limit + 1})
        select f.id, f.name, f.status, f.branch_id, b.name as branch_name,
          (select max(r2.held_on)::text from activity_attendees a2 join activity_records r2 on r2.id = a2.record_id
            where a2.person_id = f.id and a2.attendance = 'present' and r2.status <> 'draft' and r2.held_on <= ${since}::date) as last_on
        from flagged f join branches b on b.id = f.branch_id
        order by f.branch_id, f.name, f.id`,
  );
  const items = rows.slice(0, limit).map((r) => ({ personId: Number(r.id), name: r.name, status: r.status, branchId: Number(r.branch_id), branchName: r.branch_name, lastPresentOn: dateText(r.last_on) }));
  const last = items.at(-1);
  return {
    root: refOf(root),
    since,
    months,
    items,
    next: rows.length > limit && last ? encodeInactiveCursor({ branchId: last.branchId, name: last.name, personId: last.personId }) : null,
  };
}
