import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { CommitteePositionKind } from '@/db/schema/people';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { addToFigures, classifyLeader, type CoverageFigures, emptyFigures, type LeaderCoverage, type LeaderRow, rulesForYear, type TrainingRuleSetVersion, yearBounds } from './coverage';
import { hourItems } from './hours';
import { loadTrainingRuleSets } from './rules-queries';

// The coverage of a year for a node's subtree in one set-based query: the committee positions
// held at any day of the year, grouped per person, joined to their grouped hours, their rotation
// completion and (new secretaries) their first completion. Figures are counted in memory from
// those rows, so every figure and its drill-down are the same rows filtered.

const MAX_DEPTH = 32;

type Row = {
  person_id: number;
  name: string;
  branch_id: number;
  branch_name: string;
  unit_id: number;
  unit_name: string;
  position: CommitteePositionKind;
  is_secretary: boolean;
  first_secretary_on: string | null;
  hours: number;
  rotation_on: string | null;
  first_trained_on: string | null;
};

export type UnitCoverage = { id: number; name: string; figures: CoverageFigures };

export type CoverageReport = {
  year: number;
  today: string;
  /** The node the report covers; `isTop` when it is the whole tree (then each unit may be opened). */
  root: { id: number; name: string; isTop: boolean };
  ruleSet: TrainingRuleSetVersion | null;
  total: CoverageFigures;
  units: UnitCoverage[];
  people: LeaderCoverage[];
};

export async function loadLeaderRows(db: Database, rootId: number, year: number): Promise<LeaderRow[]> {
  const { from, to } = yearBounds(year);
  const rows = await selectRows<Row>(
    db,
    sql`with recursive tree as (
          select b.id, b.id as unit_id, array[b.id] as path, array[b.sort_order, b.id] as ord, 0 as depth from branches b where b.parent_id is null
          union all
          select b.id, case when t.depth = 0 then b.id else t.unit_id end, t.path || b.id, t.ord || array[b.sort_order, b.id], t.depth + 1
          from branches b join tree t on b.parent_id = t.id where t.depth < ${MAX_DEPTH}
        ),
        scope as (select id, unit_id, ord from tree where ${rootId}::int = any(path)),
        pos as (
          select c.person_id, c.branch_id, c.position, c.starts_on, coalesce(c.ended_on, c.ends_on) as until, s.unit_id, s.ord
          from committee_positions c join scope s on s.id = c.branch_id
          where c.starts_on <= ${to}::date and coalesce(c.ended_on, c.ends_on) >= ${from}::date
        ),
        -- One row a person: the post that names them (a secretary's first, then the latest).
        leaders as (
          select distinct on (person_id) person_id, branch_id, position, unit_id, ord,
            bool_or(position = 'secretary') over (partition by person_id) as is_secretary
          from pos order by person_id, (position = 'secretary') desc, until desc, starts_on desc
        )
        -- Per person lookups (lateral, by index) rather than joins of grouped sets: the planner
        -- cannot estimate the CTEs' sizes, and a misjudged join of two sets of thousands of
        -- people compares every pair.
        select l.person_id, p.name, l.branch_id, b.name as branch_name, l.unit_id, u.name as unit_name, l.position, l.is_secretary,
          fs.since::text as first_secretary_on, coalesce(h.hours, 0)::float8 as hours, ro.completed_on::text as rotation_on,
          case when fs.since >= ${from}::date and fs.since <= ${to}::date then
            (select min(tr.completed_on) from trainees tr where tr.person_id = l.person_id and tr.completed and tr.completed_on >= fs.since)::text
          end as first_trained_on
        from leaders l
        join people p on p.id = l.person_id
        join branches b on b.id = l.branch_id
        join branches u on u.id = l.unit_id
        left join lateral (
          select min(c.starts_on) as since from committee_positions c where l.is_secretary and c.person_id = l.person_id and c.position = 'secretary'
        ) fs on true
        left join lateral (select sum(hours) as hours from (${hourItems(sql`l.person_id`, from, to)}) x) h on true
        left join lateral (
          select min(tr.completed_on) as completed_on
          from trainees tr join training_rounds r on r.id = tr.round_id and r.kind = 'rotation'
          where tr.person_id = l.person_id and tr.completed and tr.completed_on >= ${from}::date and tr.completed_on <= ${to}::date
        ) ro on true
        order by l.ord, p.name, l.person_id`,
  );
  return rows.map((r) => ({
    personId: Number(r.person_id),
    name: r.name,
    branchId: Number(r.branch_id),
    branchName: r.branch_name,
    unitId: Number(r.unit_id),
    unitName: r.unit_name,
    position: r.position,
    isSecretary: Boolean(r.is_secretary),
    firstSecretaryOn: r.first_secretary_on,
    hours: Number(r.hours),
    rotationOn: r.rotation_on,
    firstTrainedOn: r.first_trained_on,
  }));
}

async function resolveRoot(db: Database, actor: Actor & { branchId?: number | null }, unitId: number | null): Promise<CoverageReport['root']> {
  const [row] = await selectRows<{ id: number; name: string; is_top: boolean }>(
    db,
    unitId ?? actor.branchId
      ? sql`select id, name, parent_id is null as is_top from branches where id = ${unitId ?? actor.branchId}`
      : sql`select id, name, true as is_top from branches where parent_id is null order by sort_order, id limit 1`,
  );
  if (!row) throw new AppError('not_found', unitId ? '该组织不存在。' : '组织架构为空。');
  authorize(actor, 'training.read', { branchId: Number(row.id) });
  return { id: Number(row.id), name: row.name, isTop: Boolean(row.is_top) };
}

/** The year's coverage of the actor's subtree, or of one unit (`unitId`) in it. */
export async function coverageReport(actor: Actor & { branchId?: number | null }, { year, unitId, today }: { year: number; unitId: number | null; today: string }): Promise<CoverageReport> {
  authorize(actor, 'training.read');
  const db = await getDb();
  const root = await resolveRoot(db, actor, unitId);
  const [rows, sets] = await Promise.all([loadLeaderRows(db, root.id, year), loadTrainingRuleSets(db)]);
  const people = rows.map((row) => classifyLeader(row, { year, today, sets }));
  const total = emptyFigures();
  const units = new Map<number, UnitCoverage>();
  for (const c of people) {
    addToFigures(total, c);
    let unit = units.get(c.unitId);
    if (!unit) units.set(c.unitId, (unit = { id: c.unitId, name: c.unitName, figures: emptyFigures() }));
    addToFigures(unit.figures, c);
  }
  return { year, today, root, ruleSet: rulesForYear(sets, year), total, units: [...units.values()], people };
}
