import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { CommitteePositionKind } from '@/db/schema/people';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { placeSubtree } from '@/lib/branches/tree';
import { subtractMonths } from '@/lib/calendar/days';
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

const sinceOf = (rows: readonly { person_id: number; since: string }[]) => new Map(rows.map((r) => [Number(r.person_id), r.since]));
const byPerson = (rows: readonly { person_id: number; completed_on: string | null }[]) =>
  new Map(rows.filter((r) => r.completed_on !== null).map((r) => [Number(r.person_id), r.completed_on!]));

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

/**
 * One row a leader of `rootId`'s subtree in `year`. `newWithinMonths`: the longest deadline a new
 * secretary may have (rule data), so one who took office that long before the year still gets
 * their first training date.
 */
export async function loadLeaderRows(db: Database, rootId: number, year: number, newWithinMonths = 0): Promise<LeaderRow[]> {
  const { from, to } = yearBounds(year);
  const newSince = subtractMonths(from, newWithinMonths);
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
  const [names, firstSecretary, hours, rotations] = await Promise.all([
    selectRows<{ id: number; name: string }>(db, sql`select id, name from people where id = any(${ids})`),
    selectRows<{ person_id: number; since: string }>(
      db,
      sql`select person_id, min(starts_on)::text as since from committee_positions where position = 'secretary' and person_id = any(${secretaryIds}) group by person_id`,
    ),
    selectRows<{ person_id: number; hours: number }>(
      db,
      sql`select person_id, sum(hours)::float8 as hours from (${hourItems(sql`select unnest(${ids})`, from, to)}) h group by person_id`,
    ),
    selectRows<{ person_id: number; completed_on: string }>(
      db,
      sql`select tr.person_id, min(tr.completed_on)::text as completed_on
          from trainees tr join training_rounds r on r.id = tr.round_id and r.kind = 'rotation'
          where tr.completed and tr.completed_on >= ${from}::date and tr.completed_on <= ${to}::date and tr.person_id = any(${ids})
          group by tr.person_id`,
    ),
  ]);
  // A new secretary's first training after taking office (which may fall after the year).
  const newcomers = [...sinceOf(firstSecretary)].filter(([, since]) => since >= newSince && since <= to);
  const firstTrained = newcomers.length
    ? await selectRows<{ person_id: number; completed_on: string }>(
        db,
        sql`select c.person_id, (select min(tr.completed_on) from trainees tr where tr.person_id = c.person_id and tr.completed and tr.completed_on >= c.since)::text as completed_on
            from unnest(${intArray(newcomers.map(([id]) => id))}, ${`{${newcomers.map(([, since]) => since).join(',')}}`}::date[]) c(person_id, since)`,
      )
    : [];
  const nameOf = new Map(names.map((r) => [Number(r.id), r.name]));
  const secretarySince = sinceOf(firstSecretary);
  const hoursOf = new Map(hours.map((r) => [Number(r.person_id), Number(r.hours)]));
  const rotationOf = byPerson(rotations);
  const firstTrainedOf = byPerson(firstTrained);
  const rows = [...leaders].map(([personId, { post, isSecretary }]): LeaderRow & { order: number } => {
    const branch = nodes.get(Number(post.branch_id))!;
    const unit = nodes.get(branch.unitId) ?? branch;
    const since = isSecretary ? (secretarySince.get(personId) ?? null) : null;
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
      rotationOn: rotationOf.get(personId) ?? null,
      firstTrainedOn: firstTrainedOf.get(personId) ?? null,
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
  const sets = await loadTrainingRuleSets(db);
  const rows = await loadLeaderRows(db, root.id, year, Math.max(0, ...sets.map((s) => s.rules.newSecretaryWithinMonths)));
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
