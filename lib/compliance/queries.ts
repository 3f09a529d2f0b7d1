import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { selectRows } from '@/db/rows';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { subtractMonths, todayInBeijing } from '@/lib/calendar/days';
import { pickRuleSet, ruleSetsOverlapping } from '@/lib/rules/pick';
import { loadBranchRuleSets } from '@/lib/rules/queries';
import { compute, dateText, loadSubtree, nodeFilter, refOf, resolveRoot, scopeIds, topNodeId } from './compute';
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

/** Nodes the actor may pick in the compliance filter: their scope, or the whole tree, in tree order. */
export async function complianceNodeOptions(actor: Actor & { branchId?: number | null }): Promise<{ id: number; label: string }[]> {
  authorize(actor, 'compliance.read');
  const db = await getDb();
  const rootId = actor.branchId ?? (await topNodeId(db));
  authorize(actor, 'compliance.read', { branchId: rootId });
  const nodes = await loadSubtree(db, rootId);
  const depth = new Map<number, number>();
  return nodes
    .filter((n) => n.kind !== 'party_group')
    .map((n) => {
      const d = n.parentId !== null && depth.has(n.parentId) ? depth.get(n.parentId)! + 1 : 0;
      depth.set(n.id, d);
      return { id: n.id, label: `${'　'.repeat(d)}${n.name}` };
    });
}

/** Members (预备党员, 正式党员) with no organizational life attended present for `months` months, capped. */
export async function inactiveMembers(actor: Actor & { branchId?: number | null }, { branchId, today = todayInBeijing(), limit = 100 }: { branchId: number | null; today?: string; limit?: number }): Promise<InactiveMembers> {
  authorize(actor, 'compliance.read');
  const db = await getDb();
  const rootId = await resolveRoot(db, actor, branchId);
  const set = pickRuleSet(await loadBranchRuleSets(db), today);
  const months = set?.rules.inactivityMonths ?? 6;
  const since = subtractMonths(today, months);
  const filter = nodeFilter(sql`p.branch_id`, scopeIds(await loadSubtree(db, rootId)));
  // Who is flagged is settled per member by an existence test over their attendance; the day
  // they were last present is then read for the listed members only.
  const rows = await selectRows<{ id: number; name: string; status: InactiveMembers['items'][number]['status']; branch_id: number; branch_name: string; last_on: string | null }>(
    db,
    sql`with flagged as (
          select p.id, p.name, p.status, p.branch_id from people p
          where p.status in ('probationary', 'full_member') and ${filter}
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
  return {
    since,
    months,
    total: Math.min(rows.length, limit),
    capped: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({ personId: Number(r.id), name: r.name, status: r.status, branchId: Number(r.branch_id), branchName: r.branch_name, lastPresentOn: dateText(r.last_on) })),
  };
}
