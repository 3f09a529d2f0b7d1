import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { selectRows } from '@/db/rows';
import type { TrainingKind } from '@/db/schema/training';
import { type Actor, authorize, can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { type HourItem, personHourItems, personYearHours } from './hours';
import { loadTrainingRuleSets } from './rules-queries';
import { rulesForYear, yearBounds } from './coverage';

// A person's training: the rounds they were enrolled in and their hours per year against the
// minimum that applied to them (leaders' when they held a committee post at any day of the year).

export type TraineeHistoryItem = {
  roundId: number;
  roundName: string;
  kind: TrainingKind;
  startsOn: string;
  endsOn: string;
  requiredHours: number;
  attendedHours: number;
  completed: boolean;
  completedOn: string | null;
  certificateNo: string | null;
};

export type YearHours = { year: number; hours: number; minHours: number | null; leader: boolean };

export type PersonTraining = { rounds: TraineeHistoryItem[]; years: YearHours[] };

type RoundRow = { round_id: number; name: string; kind: TrainingKind; starts_on: string; ends_on: string; required_hours: number; attended_hours: number; completed: boolean; completed_on: string | null; certificate_no: string | null };

/** Rounds (newest first, capped) and hours per year of one person; the caller has authorized the read. */
export async function loadPersonTraining(db: Database, personId: number, thisYear: number): Promise<PersonTraining> {
  const [rounds, years, posts, sets] = await Promise.all([
    selectRows<RoundRow>(
      db,
      sql`select r.id as round_id, r.name, r.kind, r.starts_on::text as starts_on, r.ends_on::text as ends_on, r.required_hours::float8 as required_hours,
            tr.attended_hours::float8 as attended_hours, tr.completed, tr.completed_on::text as completed_on, tr.certificate_no
          from trainees tr join training_rounds r on r.id = tr.round_id where tr.person_id = ${personId}
          order by r.starts_on desc, r.id desc limit 100`,
    ),
    personYearHours(db, personId, thisYear),
    selectRows<{ starts_on: string; until: string }>(
      db,
      sql`select starts_on::text as starts_on, coalesce(ended_on, ends_on)::text as until from committee_positions where person_id = ${personId}`,
    ),
    loadTrainingRuleSets(db),
  ]);
  const withThisYear = years.some((y) => y.year === thisYear) ? years : [{ year: thisYear, hours: 0 }, ...years];
  return {
    rounds: rounds.map((r) => ({
      roundId: Number(r.round_id),
      roundName: r.name,
      kind: r.kind,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      requiredHours: Number(r.required_hours),
      attendedHours: Number(r.attended_hours),
      completed: r.completed,
      completedOn: r.completed_on,
      certificateNo: r.certificate_no,
    })),
    years: withThisYear.map(({ year, hours }) => {
      const { from, to } = yearBounds(year);
      const leader = posts.some((p) => p.starts_on <= to && p.until >= from);
      const rules = rulesForYear(sets, year)?.rules;
      return { year, hours, leader, minHours: rules ? (leader ? rules.leaderMinHours : rules.memberMinHours) : null };
    }),
  };
}

export type CoveragePerson = { id: number; name: string; branchName: string; year: number; items: HourItem[]; total: YearHours };

/** The drill-down of one person's hours in a year: every session, completion and 大讲堂 counted. */
export async function coveragePerson(actor: Actor, personId: number, year: number): Promise<CoveragePerson | null> {
  authorize(actor, 'training.read');
  const db = await getDb();
  const [person] = await selectRows<{ id: number; name: string; branch_id: number; branch_name: string; post_branches: number[] | null }>(
    db,
    sql`select p.id, p.name, p.branch_id, b.name as branch_name,
          (select array_agg(c.branch_id) from committee_positions c where c.person_id = p.id) as post_branches
        from people p join branches b on b.id = p.branch_id where p.id = ${personId}`,
  );
  if (!person) return null;
  const branches = [Number(person.branch_id), ...(person.post_branches ?? []).map(Number)];
  // A secretary may follow a person who holds or held a post in their subtree, or belongs to it.
  if (!branches.some((branchId) => can(actor, 'training.read', { branchId }))) throw new AppError('forbidden', '您没有执行此操作的权限。');
  const [items, training] = await Promise.all([personHourItems(db, personId, year), loadPersonTraining(db, personId, year)]);
  const total = training.years.find((y) => y.year === year) ?? { year, hours: 0, leader: false, minHours: null };
  return { id: Number(person.id), name: person.name, branchName: person.branch_name, year, items, total };
}

/** The person page's training section; the page has already read the person in scope (`branchId`). */
export async function personTraining(actor: Actor, person: { id: number; branchId: number }, thisYear: number): Promise<PersonTraining | null> {
  if (!can(actor, 'training.read', { branchId: person.branchId })) return null;
  return loadPersonTraining(await getDb(), person.id, thisYear);
}
