import type { CommitteePositionKind } from '@/db/schema/people';
import { subtractMonths } from '@/lib/calendar/days';
import { pickRuleSet, type RuleSetVersion } from '@/lib/rules/pick';
import type { TrainingRules } from './rules';

// Who had to be trained in a year and whether they were, from the rows the coverage query
// returns (one per person who held a committee position at any day of the year). Pure.
//
// - Must be trained: every secretary and committee member in post at any time in the year (one
//   who left in March still counts for that year).
// - Trained: a completed rotation round (轮训) with completed_on in the year; when the rule set
//   does not require a rotation, the year's hours reaching the leaders' minimum.
// - New secretary in a year: the first secretary post began in the year, or began earlier with
//   the deadline (N months after taking office, N from the set in force on that day) in the year,
//   so one appointed in November who is never trained is overdue in the next year's report.
// - Due, not missing: a new secretary whose deadline falls after the year's end or has not
//   passed yet.
// - Rules of a year: the set in force on 31 December of that year.

export type TrainingRuleSetVersion = RuleSetVersion<TrainingRules>;

export type LeaderRow = {
  personId: number;
  name: string;
  branchId: number;
  branchName: string;
  unitId: number;
  unitName: string;
  position: CommitteePositionKind;
  isSecretary: boolean;
  /** The first day this person ever took a secretary post. */
  firstSecretaryOn: string | null;
  hours: number;
  rotationOn: string | null;
  /** First completion of any round on or after firstSecretaryOn (for secretaries who took office within the lookback of the year). */
  firstTrainedOn: string | null;
};

export type CoverageStatus = 'trained' | 'due' | 'untrained';
export type NewSecretaryState = 'trained' | 'due' | 'overdue';

export type LeaderCoverage = LeaderRow & {
  status: CoverageStatus;
  minHours: number;
  hoursMet: boolean;
  newSecretary: { since: string; deadline: string; state: NewSecretaryState } | null;
};

export const addMonths = (date: string, months: number) => subtractMonths(date, -months);

export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The rule set a year is judged by: the one in force on its last day. */
export function rulesForYear(sets: readonly TrainingRuleSetVersion[], year: number): TrainingRuleSetVersion | null {
  return pickRuleSet(sets, yearBounds(year).to);
}

/** A new secretary's deadline: the set in force on the day they took office decides how many months. */
export function newSecretaryDeadline(sets: readonly TrainingRuleSetVersion[], since: string): string | null {
  const set = pickRuleSet(sets, since);
  return set ? addMonths(since, set.rules.newSecretaryWithinMonths) : null;
}

export function classifyLeader(row: LeaderRow, { year, today, sets }: { year: number; today: string; sets: readonly TrainingRuleSetVersion[] }): LeaderCoverage {
  const { from, to } = yearBounds(year);
  const rules = rulesForYear(sets, year)?.rules ?? null;
  const minHours = rules?.leaderMinHours ?? 0;
  const hoursMet = row.hours >= minHours;
  const since = row.isSecretary && row.firstSecretaryOn !== null && row.firstSecretaryOn <= to ? row.firstSecretaryOn : null;
  const deadline = since ? newSecretaryDeadline(sets, since) : null;
  // New in a year: took office in it, or took office before it with the deadline falling in it.
  const isNew = since !== null && deadline !== null && deadline >= from;
  const newSecretary =
    isNew && deadline
      ? {
          since: row.firstSecretaryOn!,
          deadline,
          state: (row.firstTrainedOn && row.firstTrainedOn <= deadline ? 'trained' : today <= deadline ? 'due' : 'overdue') as NewSecretaryState,
        }
      : null;
  const trained = rules?.leaderRotationRequired === false ? hoursMet : row.rotationOn !== null;
  const due = !trained && newSecretary !== null && (newSecretary.deadline > to || today <= newSecretary.deadline);
  return { ...row, minHours, hoursMet, newSecretary, status: trained ? 'trained' : due ? 'due' : 'untrained' };
}

export type CoverageFigures = {
  required: number;
  trained: number;
  due: number;
  untrained: number;
  belowHours: number;
  secretaries: { required: number; trained: number; due: number; untrained: number };
  newSecretaries: { total: number; trained: number; due: number; overdue: number };
};

export const emptyFigures = (): CoverageFigures => ({
  required: 0,
  trained: 0,
  due: 0,
  untrained: 0,
  belowHours: 0,
  secretaries: { required: 0, trained: 0, due: 0, untrained: 0 },
  newSecretaries: { total: 0, trained: 0, due: 0, overdue: 0 },
});

export function addToFigures(f: CoverageFigures, c: LeaderCoverage): void {
  f.required++;
  f[c.status]++;
  if (!c.hoursMet) f.belowHours++;
  if (c.isSecretary) {
    f.secretaries.required++;
    f.secretaries[c.status]++;
  }
  if (c.newSecretary) {
    f.newSecretaries.total++;
    f.newSecretaries[c.newSecretary.state]++;
  }
}

/** The drill-down filters: every figure on the page is one of these over the same rows. */
export const coverageShows = ['all', 'trained', 'due', 'untrained', 'below', 'new', 'new-overdue'] as const;
export type CoverageShow = (typeof coverageShows)[number];

export function matchesShow(c: LeaderCoverage, show: CoverageShow, secretariesOnly: boolean): boolean {
  if (secretariesOnly && !c.isSecretary) return false;
  switch (show) {
    case 'all':
      return true;
    case 'below':
      return !c.hoursMet;
    case 'new':
      return c.newSecretary !== null;
    case 'new-overdue':
      return c.newSecretary?.state === 'overdue';
    default:
      return c.status === show;
  }
}
