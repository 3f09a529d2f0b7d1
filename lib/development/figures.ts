import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { loadSubtree, topNodeId } from '@/lib/compliance/compute';
import type { ComplianceNode } from '@/lib/compliance/evaluate';
import { nodeFilter } from '@/lib/compliance/node-filter';
import { AppError } from '@/lib/errors';
import { effectiveOn } from './effective';
import { type FigureKey, figureKeys, figureSteps } from './figure-keys';

// The year's figures of member development, counted by the day each step happened (its decided
// date), never by the day it was entered: a 2025 admission entered in January 2026 counts in 2025.
// Per unit organization (the nearest one at or above the branch the person was in on the step's
// day, as compliance groups them) and for the root, usually the work committee. A secretary sees
// their own subtree.

export type FigureRow = { id: number; name: string; counts: Record<FigureKey, number> };
export type DevelopmentFigures = { year: number; root: { id: number; name: string }; units: FigureRow[]; total: FigureRow };

const zero = (): Record<FigureKey, number> => Object.fromEntries(figureKeys.map((k) => [k, 0])) as Record<FigureKey, number>;

/** The node a secretary's figures start from is their branch; others start at the top. */
async function rootOf(db: Database, actor: Actor & { branchId?: number | null }): Promise<number> {
  authorize(actor, 'development.read');
  const id = actor.branchScope ? actor.branchId : await topNodeId(db);
  if (!id) throw new AppError('forbidden', '您没有执行此操作的权限。');
  authorize(actor, 'development.read', { branchId: id });
  return id;
}

/** Each node's unit: the nearest unit organization at or above it inside the subtree, else the root. */
function unitMap(nodes: ComplianceNode[]): Map<number, ComplianceNode> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = nodes[0]!;
  const map = new Map<number, ComplianceNode>();
  for (const node of nodes) {
    let current: ComplianceNode | undefined = node;
    while (current && current.kind !== 'unit_organization' && current.id !== root.id) current = current.parentId === null ? undefined : byId.get(current.parentId);
    map.set(node.id, current ?? root);
  }
  return map;
}

/**
 * A step (alias t) dated in the year as it stands, after any correction (补正). The written date
 * narrows by the (step, decided_on) index; the few corrected steps are looked at whatever their written date.
 */
const inYear = (from: string, to: string) => {
  const on = effectiveOn(sql`t.id`, sql`t.decided_on`);
  return sql`((t.decided_on >= ${from}::date and t.decided_on <= ${to}::date) or exists (select 1 from development_corrections c2 where c2.transition_id = t.id))
    and ${on} >= ${from}::date and ${on} <= ${to}::date`;
};

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The branch a step (alias t, file r) happened in: where its person was on the step's day. A
 * transfer after that day means they were still in the branch it took them from; with none, the
 * file's branch. So a person transferred in 2026 counts their 2025 admission under the old unit.
 */
const stepBranch = sql`coalesce((select pt.from_branch_id from person_transfers pt
    where pt.person_id = r.person_id and pt.transferred_on > ${effectiveOn(sql`t.id`, sql`t.decided_on`)}
    order by pt.transferred_on, pt.id limit 1), r.branch_id)`;

export async function developmentFigures(actor: Actor & { branchId?: number | null }, year: number): Promise<DevelopmentFigures> {
  const db = await getDb();
  const rootId = await rootOf(db, actor);
  const nodes = await loadSubtree(db, rootId);
  const root = nodes[0];
  if (!root) throw new AppError('not_found', '该组织不存在。');
  const units = unitMap(nodes);
  const { from, to } = yearBounds(year);
  const ids = root.parentId === null ? null : nodes.map((n) => n.id);
  const rows = await selectRows<{ branch_id: number; step: string; n: number }>(
    db,
    sql`select ${stepBranch} as branch_id, t.step, count(*)::int as n
        from development_transitions t join development_records r on r.id = t.record_id
        where t.step in (${sql.join(
          Object.values(figureSteps)
            .flat()
            .map((s) => sql`${s}`),
          sql`, `,
        )}) and ${inYear(from, to)} and ${nodeFilter(stepBranch, ids)}
        group by 1, 2`,
  );
  const byUnit = new Map<number, Record<FigureKey, number>>();
  const total = zero();
  for (const row of rows) {
    const unit = units.get(Number(row.branch_id));
    if (!unit) continue;
    const key = figureKeys.find((k) => (figureSteps[k] as readonly string[]).includes(row.step))!;
    const counts = byUnit.get(unit.id) ?? zero();
    counts[key] += Number(row.n);
    total[key] += Number(row.n);
    byUnit.set(unit.id, counts);
  }
  // Every unit of the subtree is listed, those with nothing in the year too.
  const listed = nodes.filter((n) => (n.kind === 'unit_organization' && units.get(n.id)?.id === n.id) || byUnit.has(n.id));
  return {
    year,
    root: { id: root.id, name: root.name },
    units: listed.map((n) => ({ id: n.id, name: n.name, counts: byUnit.get(n.id) ?? zero() })),
    total: { id: root.id, name: root.name, counts: total },
  };
}

export type FigureStep = { transitionId: number; personId: number; name: string; branchName: string; step: string; decidedOn: string; enteredOn: string };
export type FigureSteps = { year: number; unit: { id: number; name: string }; figure: FigureKey; items: FigureStep[]; total: number; page: number; pageCount: number };

const STEPS_PAGE = 50;

/**
 * The steps behind one figure: a unit's (or, with the root's id, the whole subtree's) steps of
 * the figure's kind dated in the year, by date, a page at a time. Same grouping as the figures.
 */
export async function developmentFigureSteps(actor: Actor & { branchId?: number | null }, { year, unitId, figure, page }: { year: number; unitId: number; figure: FigureKey; page: number }): Promise<FigureSteps> {
  const db = await getDb();
  const rootId = await rootOf(db, actor);
  const nodes = await loadSubtree(db, rootId);
  const units = unitMap(nodes);
  const unit = unitId === rootId ? nodes[0] : nodes.find((n) => n.id === unitId && units.get(n.id)?.id === n.id);
  if (!unit) throw new AppError('not_found', '没有找到该单位。');
  const ids = unitId === rootId ? (nodes[0]!.parentId === null ? null : nodes.map((n) => n.id)) : nodes.filter((n) => units.get(n.id)?.id === unitId).map((n) => n.id);
  const { from, to } = yearBounds(year);
  const where = sql`t.step in (${sql.join(
    figureSteps[figure].map((s) => sql`${s}`),
    sql`, `,
  )}) and ${inYear(from, to)} and ${nodeFilter(stepBranch, ids)}`;
  const [counted] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from development_transitions t join development_records r on r.id = t.record_id where ${where}`);
  const total = Number(counted?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / STEPS_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await selectRows<{ id: number; person_id: number; name: string; branch_name: string; step: string; decided_on: string; entered_on: string }>(
    db,
    sql`select t.id, r.person_id, p.name, b.name as branch_name, t.step, ${effectiveOn(sql`t.id`, sql`t.decided_on`)}::text as decided_on, (t.created_at at time zone 'Asia/Shanghai')::date::text as entered_on
        from development_transitions t
        join development_records r on r.id = t.record_id
        join people p on p.id = r.person_id
        join branches b on b.id = ${stepBranch}
        where ${where}
        order by 6, t.id
        limit ${STEPS_PAGE} offset ${(current - 1) * STEPS_PAGE}`,
  );
  return {
    year,
    unit: { id: unit.id, name: unit.name },
    figure,
    total,
    page: current,
    pageCount,
    items: rows.map((r) => ({ transitionId: Number(r.id), personId: Number(r.person_id), name: r.name, branchName: r.branch_name, step: r.step, decidedOn: r.decided_on, enteredOn: r.entered_on })),
  };
}
