import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { ActivityKind } from '@/db/schema/activities';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { addDays, daysBetween, subtractMonths, todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { pickRuleSet, ruleSetsOverlapping, type RuleSetVersion } from '@/lib/rules/pick';
import { loadBranchRuleSets } from '@/lib/rules/queries';
import type { BranchRules } from '@/lib/rules/schemas';
import { type ComplianceNode, type CountRow, evaluateYear, type NodeCompliance, rollup, ruleKeysOf } from './evaluate';
import { periodContaining, yearPeriod } from './periods';
import type {
  ComplianceCardData,
  ComplianceReport,
  DueItem,
  InactiveMembers,
  LateEntry,
  NodeRef,
  SecretaryDashboard,
  TermEnding,
} from './types';

// Compliance reads. The whole committee for a year is one read of the kept monthly counts
// (node × kind × month of held_on: held and late; activity_month_counts), one for the secretaries' own 党课, one for the
// tree and one for the rule sets; the rules are then evaluated in memory (evaluate.ts).
// Scope: the node asked for must lie in the actor's branch scope ('compliance.read').

const MAX_DEPTH = 32;

type TreeRow = { id: number; parent_id: number | null; kind: ComplianceNode['kind']; name: string; established_on: string | null; dissolved_on: string | null };

const dateText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The node and every node below it, parents before children, siblings in their sort order. */
async function loadSubtree(db: Database, rootId: number): Promise<ComplianceNode[]> {
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
  return rows.map((r) => ({
    id: Number(r.id),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    kind: r.kind,
    name: r.name,
    establishedOn: dateText(r.established_on),
    dissolvedOn: dateText(r.dissolved_on),
  }));
}

/**
 * `column` restricted to the given nodes, as a literal list the planner can count (a recursive CTE
 * here would be estimated at a hundred rows and push small scopes onto the year-wide index).
 * `null` (the whole tree) needs no restriction.
 */
function nodeFilter(column: SQL, ids: readonly number[] | null): SQL {
  if (ids === null) return sql`true`;
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  )})`;
}

/** The ids to restrict a query to: null when the nodes are the whole tree. */
const scopeIds = (nodes: ComplianceNode[]) => (nodes[0]?.parentId === null ? null : nodes.map((n) => n.id));

/** The late-entry threshold of the rule set in force on each record's held_on, as one SQL expression. */
function lateThreshold(sets: readonly RuleSetVersion<BranchRules>[], from: string, to: string): SQL {
  const overlapping = ruleSetsOverlapping(sets, from, to);
  if (overlapping.length === 0) return sql`null::int`;
  const branches = [...overlapping].reverse().map((s) => sql`when r.held_on >= ${s.effectiveFrom}::date then ${s.rules.lateEntryDays}::int`);
  return sql`(case ${sql.join(branches, sql` `)} else null end)`;
}

/**
 * Per node, kind and month of held_on in the year: how many non-draft records were held and how
 * many were entered late. Read from activity_month_counts, which triggers keep current with every
 * record write (migration 0010): a year of the whole committee is ~35k small rows, not ~200k
 * records to group. One row per node and kind with its months as arrays: fewer rows to send.
 */
async function loadCounts(db: Database, from: string, to: string, filter: SQL): Promise<CountRow[]> {
  const rows = await selectRows<{ branch_id: number; kind: ActivityKind; months: number[]; held: number[]; late: number[] }>(
    db,
    sql`select c.branch_id, c.kind, array_agg(extract(month from c.month)::int) as months, array_agg(c.held) as held, array_agg(c.late) as late
        from activity_month_counts c
        where c.month >= ${from}::date and c.month <= ${to}::date and c.held > 0 and ${filter}
        group by 1, 2`,
  );
  return rows.flatMap((r) =>
    r.months.map((month, i) => ({ branchId: Number(r.branch_id), kind: r.kind, month: Number(month), held: Number(r.held[i]), late: Number(r.late[i]) })),
  );
}

/**
 * 党课 whose speaker held the node's secretary position on the day, by node. Kept out of the
 * grouped query: its correlated test there makes the planner expect a cost high enough to JIT-compile.
 */
async function loadSecretaryLectures(db: Database, from: string, to: string, filter: SQL): Promise<Map<number, number>> {
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

async function topNodeId(db: Database): Promise<number> {
  const [row] = await selectRows<{ id: number }>(db, sql`select id from branches where parent_id is null order by sort_order, id limit 1`);
  if (!row) throw new AppError('not_found', '组织架构为空。');
  return Number(row.id);
}

/** The node a report starts from: the one asked for, else the actor's own branch, else the top of the tree. */
async function resolveRoot(db: Database, actor: Actor & { branchId?: number | null }, branchId: number | null): Promise<number> {
  const id = branchId ?? actor.branchId ?? (await topNodeId(db));
  authorize(actor, 'compliance.read', { branchId: id });
  return id;
}

const refOf = (n: ComplianceNode): NodeRef => ({ id: n.id, name: n.name, kind: n.kind });

type Computed = { nodes: ComplianceNode[]; evaluated: NodeCompliance[]; sets: RuleSetVersion<BranchRules>[]; today: string };

async function compute(db: Database, rootId: number, year: number, today: string): Promise<Computed> {
  const { from, to } = yearPeriod(year);
  const [nodes, sets] = await Promise.all([loadSubtree(db, rootId), loadBranchRuleSets(db)]);
  if (nodes.length === 0) throw new AppError('not_found', '该组织不存在。');
  const ids = scopeIds(nodes);
  const [counts, secretaryLectures] = await Promise.all([
    loadCounts(db, from, to, nodeFilter(sql`c.branch_id`, ids)),
    loadSecretaryLectures(db, from, to, nodeFilter(sql`r.branch_id`, ids)),
  ]);
  return { nodes, sets, today, evaluated: evaluateYear({ year, today, nodes, counts, secretaryLectures, ruleSets: sets }) };
}

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

async function lateEntriesOf(db: Database, ids: number[] | null, from: string, to: string, sets: RuleSetVersion<BranchRules>[], limit: number): Promise<LateEntry[]> {
  const rows = await selectRows<{ id: number; kind: ActivityKind; held_on: string; submitted_on: string; branch_id: number; branch_name: string }>(
    db,
    sql`select r.id, r.kind, r.held_on::text as held_on, r.submitted_on::text as submitted_on, r.branch_id, b.name as branch_name
        from activity_records r join branches b on b.id = r.branch_id
        where r.held_on >= ${from}::date and r.held_on <= ${to}::date and r.status <> 'draft'
          and ${nodeFilter(sql`r.branch_id`, ids)}
          and r.submitted_on - r.held_on > ${lateThreshold(sets, from, to)}
        order by r.held_on desc, r.id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    heldOn: dateText(r.held_on)!,
    submittedOn: dateText(r.submitted_on)!,
    daysLate: daysBetween(dateText(r.held_on)!, dateText(r.submitted_on)!),
    branchId: Number(r.branch_id),
    branchName: r.branch_name,
  }));
}

async function termsEndingOf(db: Database, ids: number[] | null, today: string, warningDays: number): Promise<TermEnding[]> {
  const rows = await selectRows<{ id: number; position: TermEnding['position']; person_id: number; person_name: string; branch_id: number; branch_name: string; ends_on: string }>(
    db,
    sql`select c.id, c.position, c.person_id, p.name as person_name, c.branch_id, b.name as branch_name, c.ends_on::text as ends_on
        from committee_positions c join people p on p.id = c.person_id join branches b on b.id = c.branch_id
        where ${nodeFilter(sql`c.branch_id`, ids)}
          and c.ended_on is null and c.ends_on <= ${addDays(today, warningDays)}::date
          and not exists (select 1 from committee_positions later
                          where later.branch_id = c.branch_id and later.position = c.position and later.starts_on > c.starts_on)
        order by c.ends_on, c.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    position: r.position,
    personId: Number(r.person_id),
    personName: r.person_name,
    branchId: Number(r.branch_id),
    branchName: r.branch_name,
    endsOn: dateText(r.ends_on)!,
    daysLeft: daysBetween(today, dateText(r.ends_on)!),
  }));
}

const checksWhere = (evaluated: NodeCompliance[], keep: (check: DueItem['check']) => boolean): DueItem[] =>
  evaluated.flatMap((e) => e.rules.flatMap((r) => r.periods.filter(keep).map((check) => ({ node: refOf(e.node), key: r.key, check }))));

/** The secretary's desk: what is due now, what last month missed, late entries and terms ending. */
export async function secretaryDashboard(actor: Actor & { branchId: number | null }, today = todayInBeijing()): Promise<SecretaryDashboard> {
  authorize(actor, 'compliance.read');
  if (actor.branchId === null) throw new AppError('not_found', '您的账号未关联支部。');
  const db = await getDb();
  const rootId = await resolveRoot(db, actor, actor.branchId);
  const year = Number(today.slice(0, 4));
  const lastMonth = periodContaining(subtractMonths(`${today.slice(0, 7)}-01`, 1), 'month');
  const current = await compute(db, rootId, year, today);
  const previous = lastMonth.year === year ? current : await compute(db, rootId, lastMonth.year, today);
  const set = pickRuleSet(current.sets, today);
  const termWarningDays = set?.rules.termWarningDays ?? 90;
  const [lateEntries, termsEnding] = await Promise.all([
    lateEntriesOf(db, scopeIds(current.nodes), `${year - 1}-01-01`, today, current.sets, 20),
    termsEndingOf(db, scopeIds(current.nodes), today, termWarningDays),
  ]);
  return {
    branch: refOf(current.nodes[0]!),
    today,
    dueNow: checksWhere(current.evaluated, (c) => c.state === 'open'),
    missedLastMonth: checksWhere(previous.evaluated, (c) => c.state === 'missed' && c.period.to === lastMonth.to),
    lastMonth,
    lateEntries,
    termsEnding,
    termWarningDays,
  };
}
