import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { CommitteePositionKind } from '@/db/schema/people';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { placeSubtree } from '@/lib/branches/tree';
import { AppError } from '@/lib/errors';
import { addToFigures, classifyLeader, type CoverageFigures, emptyFigures, type LeaderCoverage, type LeaderRow, rulesForYear, type TrainingRuleSetVersion, yearBounds } from './coverage';
import { hourItems } from './hours';
import { loadTrainingRuleSets } from './rules-queries';

// The coverage of a year for a node's subtree: the committee positions held at any day of the
// year, one row a person, with their hours, rotation completion and (new secretaries) first
// completion. Figures are counted in memory from those rows, so every figure and its
// drill-down are the same rows filtered.
//
// The tree is placed in memory and each fact is read by one flat query keyed by the people's
// ids: at city size (700 nodes, 4,000 leaders) that is a handful of index or hash scans,
// where one recursive query joining grouped sets left the planner guessing their sizes.

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

type PositionRow = { person_id: number; branch_id: number; position: CommitteePositionKind; starts_on: string; until: string };

/** A Postgres int[] literal: one bound parameter however many ids (both drivers accept it). */
const intArray = (ids: Iterable<number>) => sql`${`{${[...ids].join(',')}}`}::int[]`;

/** Per person, the post that names them: a secretary's post first, then the latest. */
function leaderPosts(rows: readonly PositionRow[]): Map<number, { post: PositionRow; isSecretary: boolean }> {
  const rank = (r: PositionRow) => [r.position === 'secretary' ? 1 : 0, r.until, r.starts_on] as const;
  const better = (a: PositionRow, b: PositionRow) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
  };
  const leaders = new Map<number, { post: PositionRow; isSecretary: boolean }>();
  for (const row of rows) {
    const id = Number(row.person_id);
    const held = leaders.get(id);
    if (!held) leaders.set(id, { post: row, isSecretary: row.position === 'secretary' });
    else {
      if (better(row, held.post)) held.post = row;
      held.isSecretary ||= row.position === 'secretary';
    }
  }
  return leaders;
}

export async function loadLeaderRows(db: Database, rootId: number, year: number): Promise<LeaderRow[]> {
  const { from, to } = yearBounds(year);
  const tree = await selectRows<{ id: number; parent_id: number | null; name: string }>(db, sql`select id, parent_id, name from branches order by sort_order, id`);
  const nodes = placeSubtree(
    tree.map((r) => ({ id: Number(r.id), parentId: r.parent_id === null ? null : Number(r.parent_id), name: r.name })),
    rootId,
  );
  if (nodes.size === 0) return [];
  const positions = await selectRows<PositionRow>(
    db,
    sql`select person_id, branch_id, position, starts_on::text as starts_on, coalesce(ended_on, ends_on)::text as until
        from committee_positions
        where starts_on <= ${to}::date and coalesce(ended_on, ends_on) >= ${from}::date
          ${nodes.size === tree.length ? sql`` : sql`and branch_id = any(${intArray(nodes.keys())})`}`,
  );
  const leaders = leaderPosts(positions);
  if (leaders.size === 0) return [];
  const ids = intArray(leaders.keys());
  const secretaryIds = intArray([...leaders].filter(([, l]) => l.isSecretary).map(([id]) => id));
  const [names, firstSecretary, hours, completions] = await Promise.all([
    selectRows<{ id: number; name: string }>(db, sql`select id, name from people where id = any(${ids})`),
    selectRows<{ person_id: number; since: string }>(
      db,
      sql`select person_id, min(starts_on)::text as since from committee_positions where position = 'secretary' and person_id = any(${secretaryIds}) group by person_id`,
    ),
    selectRows<{ person_id: number; hours: number }>(
      db,
      sql`select person_id, sum(hours)::float8 as hours from (${hourItems(sql`select unnest(${ids})`, from, to)}) h group by person_id`,
    ),
    // Completions from the year's first day on: the rotation of the year, and a new secretary's
    // first training after taking office (which may fall in the next year).
    selectRows<{ person_id: number; completed_on: string; rotation: boolean }>(
      db,
      sql`select tr.person_id, tr.completed_on::text as completed_on, r.kind = 'rotation' as rotation
          from trainees tr join training_rounds r on r.id = tr.round_id
          where tr.completed and tr.completed_on >= ${from}::date and tr.person_id = any(${ids})`,
    ),
  ]);
  const nameOf = new Map(names.map((r) => [Number(r.id), r.name]));
  const sinceOf = new Map(firstSecretary.map((r) => [Number(r.person_id), r.since]));
  const hoursOf = new Map(hours.map((r) => [Number(r.person_id), Number(r.hours)]));
  const completedOf = new Map<number, { on: string; rotation: boolean }[]>();
  for (const c of completions) {
    const list = completedOf.get(Number(c.person_id));
    const item = { on: c.completed_on, rotation: Boolean(c.rotation) };
    if (list) list.push(item);
    else completedOf.set(Number(c.person_id), [item]);
  }
  const earliest = (days: string[]) => (days.length ? days.reduce((a, b) => (a < b ? a : b)) : null);
  const rows = [...leaders].map(([personId, { post, isSecretary }]): LeaderRow & { order: number } => {
    const branch = nodes.get(Number(post.branch_id))!;
    const unit = nodes.get(branch.unitId) ?? branch;
    const since = isSecretary ? (sinceOf.get(personId) ?? null) : null;
    const done = completedOf.get(personId) ?? [];
    return {
      order: branch.order,
      personId,
      name: nameOf.get(personId) ?? '',
      branchId: branch.id,
      branchName: branch.name,
      unitId: unit.id,
      unitName: unit.name,
      position: post.position,
      isSecretary,
      firstSecretaryOn: since,
      hours: hoursOf.get(personId) ?? 0,
      rotationOn: earliest(done.filter((c) => c.rotation && c.on <= to).map((c) => c.on)),
      firstTrainedOn: since && since >= from && since <= to ? earliest(done.filter((c) => c.on >= since).map((c) => c.on)) : null,
    };
  });
  rows.sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.personId - b.personId);
  return rows.map(({ order: _order, ...row }) => row);
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
