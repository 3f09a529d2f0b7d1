import type { ActivityKind } from '@/db/schema/activities';
import type { BranchKind } from '@/db/schema/branches';
import { addDays } from '@/lib/calendar/days';
import { pickRuleSet, ruleSetsOverlapping, type RuleSetVersion } from '@/lib/rules/pick';
import type { BranchRules, PeriodUnit } from '@/lib/rules/schemas';
import { monthsOf, type Period, periodsOf, yearPeriod } from './periods';

// Rule evaluation in memory, over counts the database grouped by (node, kind, month of held_on).
// Pure, so the period math and the rule-set switch are unit-tested without a database.
//
// Which rule set judges a period: the one in force on the period's first day. A set that takes
// effect mid-period governs from the next period of its own frequency on, so no period is ever
// judged by a requirement that did not exist when it began. Lateness is decided per record by the
// set in force on its held_on (in SQL, see queries.ts).

export type ComplianceNode = {
  id: number;
  parentId: number | null;
  kind: BranchKind;
  name: string;
  establishedOn: string | null;
  dissolvedOn: string | null;
};

/** Non-draft records of one node and kind held in one month of the year. */
export type CountRow = { branchId: number; kind: ActivityKind; month: number; held: number; late: number };

export type RuleKey = ActivityKind | 'secretary_lecture';

/** met: held ≥ required; missed: the period ended short; open: running and not yet met; future: not begun. */
export type CheckState = 'met' | 'missed' | 'open' | 'future';

export type PeriodCheck = { period: Period; required: number; held: number; late: number; state: CheckState; ruleSetId: number };

export type RuleCheck = { key: RuleKey; periods: PeriodCheck[]; held: number; late: number; state: CheckState };

export type NodeCompliance = {
  node: ComplianceNode;
  rules: RuleCheck[];
  /** No period of any rule was missed (running and future periods do not count against it). */
  compliant: boolean;
};

export type EvaluationInput = {
  year: number;
  today: string;
  nodes: readonly ComplianceNode[];
  /** The year's counts by node and kind (indexCounts); nodes not in `nodes` are ignored. */
  counts: CountIndex;
  /** 党课 given by the node's secretary in the year, by node id. */
  secretaryLectures: ReadonlyMap<number, number>;
  ruleSets: readonly RuleSetVersion<BranchRules>[];
};

const activeIn = (node: ComplianceNode, period: Period) =>
  (node.establishedOn === null || node.establishedOn <= period.to) && (node.dissolvedOn === null || node.dissolvedOn >= period.from);

function stateOf(held: number, required: number, period: Period, today: string): CheckState {
  if (period.from > today) return 'future';
  if (held >= required) return 'met';
  return period.to < today ? 'missed' : 'open';
}

export function summarizeState(states: CheckState[]): CheckState {
  if (states.includes('missed')) return 'missed';
  if (states.includes('open')) return 'open';
  if (states.includes('met')) return 'met';
  return 'future';
}

type Requirement = { period: Period; min: number; nodeKinds: readonly string[]; ruleSetId: number };

/** For one kind: each period of the year that some rule set requires, with that set's minimum. */
export function requirementsOf(kind: ActivityKind, year: number, sets: readonly RuleSetVersion<BranchRules>[]): Requirement[] {
  const { from: yearFrom, to: yearTo } = yearPeriod(year);
  const overlapping = ruleSetsOverlapping(sets, yearFrom, yearTo);
  return overlapping.flatMap((set, i) => {
    const governsFrom = set.effectiveFrom > yearFrom ? set.effectiveFrom : yearFrom;
    const next = overlapping[i + 1];
    const governsTo = next ? addDays(next.effectiveFrom, -1) : yearTo;
    const frequency = set.rules.frequencies.find((f) => f.kind === kind);
    if (!frequency) return [];
    return periodsOf(year, frequency.per)
      .filter((p) => p.from >= governsFrom && p.from <= governsTo)
      .map((period) => ({ period, min: frequency.min, nodeKinds: frequency.nodeKinds, ruleSetId: set.id }));
  });
}

/** The rule keys any set in force during the year names, in the order of the rule data. */
export function ruleKeysOf(year: number, sets: readonly RuleSetVersion<BranchRules>[]): RuleKey[] {
  const { from, to } = yearPeriod(year);
  const keys = new Set<RuleKey>();
  const overlapping = ruleSetsOverlapping(sets, from, to);
  for (const set of overlapping) for (const f of set.rules.frequencies) keys.add(f.kind);
  if (overlapping.some((s) => s.rules.secretaryLecturesPerYear > 0)) keys.add('secretary_lecture');
  return [...keys];
}

/** Which units a rule key is counted in for the grid's period view. */
export function unitsOf(year: number, key: RuleKey, sets: readonly RuleSetVersion<BranchRules>[]): PeriodUnit[] {
  if (key === 'secretary_lecture') return ['year'];
  return [...new Set(requirementsOf(key, year, sets).map((r) => r.period.unit))];
}

type MonthCounts = { held: Int32Array; late: Int32Array };

export type CountIndex = ReadonlyMap<number, ReadonlyMap<RuleKey, MonthCounts>>;

/** Counts by node, then kind: held and late per month (index 1–12). */
export function indexCounts(counts: readonly CountRow[]): Map<number, Map<RuleKey, MonthCounts>> {
  const byNode = new Map<number, Map<RuleKey, MonthCounts>>();
  for (const c of counts) {
    let byKind = byNode.get(c.branchId);
    if (!byKind) byNode.set(c.branchId, (byKind = new Map()));
    let months = byKind.get(c.kind);
    if (!months) byKind.set(c.kind, (months = { held: new Int32Array(13), late: new Int32Array(13) }));
    months.held[c.month] = (months.held[c.month] ?? 0) + c.held;
    months.late[c.month] = (months.late[c.month] ?? 0) + c.late;
  }
  return byNode;
}

function sumMonths(values: Int32Array | undefined, months: readonly number[]): number {
  if (!values) return 0;
  let n = 0;
  for (const m of months) n += values[m] ?? 0;
  return n;
}

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Evaluates every node against every rule of the year; nodes no rule binds are left out. */
export function evaluateYear({ year, today, nodes, counts, secretaryLectures, ruleSets }: EvaluationInput): NodeCompliance[] {
  const byNode = counts;
  const keys = ruleKeysOf(year, ruleSets);
  const requirements = new Map(
    keys
      .filter((k): k is ActivityKind => k !== 'secretary_lecture')
      .map((k) => [k, requirementsOf(k, year, ruleSets).map((r) => ({ ...r, months: monthsOf(r.period) }))]),
  );
  const yearSet = pickRuleSet(ruleSets, yearPeriod(year).from);
  const lectureKinds: readonly string[] = yearSet?.rules.frequencies.find((f) => f.kind === 'party_lecture')?.nodeKinds ?? ['branch'];
  const lectureRequired = yearSet?.rules.secretaryLecturesPerYear ?? 0;
  const wholeYear = yearPeriod(year);

  const results: NodeCompliance[] = [];
  for (const node of nodes) {
    const nodeCounts = byNode.get(node.id);
    const rules: RuleCheck[] = [];
    for (const key of keys) {
      const periods: PeriodCheck[] = [];
      if (key === 'secretary_lecture') {
        if (lectureRequired > 0 && lectureKinds.includes(node.kind) && activeIn(node, wholeYear)) {
          const n = secretaryLectures.get(node.id) ?? 0;
          periods.push({ period: wholeYear, required: lectureRequired, held: n, late: 0, state: stateOf(n, lectureRequired, wholeYear, today), ruleSetId: yearSet!.id });
        }
        if (periods.length > 0) rules.push({ key, periods, held: periods[0]!.held, late: 0, state: periods[0]!.state });
        continue;
      }
      const months = nodeCounts?.get(key);
      for (const r of requirements.get(key) ?? []) {
        if (!r.nodeKinds.includes(node.kind) || !activeIn(node, r.period)) continue;
        const held = sumMonths(months?.held, r.months);
        periods.push({ period: r.period, required: r.min, held, late: sumMonths(months?.late, r.months), state: stateOf(held, r.min, r.period, today), ruleSetId: r.ruleSetId });
      }
      if (periods.length === 0) continue;
      rules.push({ key, periods, held: sumMonths(months?.held, ALL_MONTHS), late: sumMonths(months?.late, ALL_MONTHS), state: summarizeState(periods.map((p) => p.state)) });
    }
    if (rules.length > 0) results.push({ node, rules, compliant: rules.every((r) => r.state !== 'missed') });
  }
  return results;
}

export type RuleTally = { bound: number; met: number; missed: number };

export type Rollup = {
  id: number;
  name: string;
  /** Nodes any rule binds. */
  nodes: number;
  /** Nodes that missed no period of any rule. */
  compliant: number;
  rules: Partial<Record<RuleKey, RuleTally>>;
};

/** Counts of nodes meeting each rule, for one group of nodes (a unit, the whole committee). */
export function rollup(id: number, name: string, nodes: readonly NodeCompliance[]): Rollup {
  const rules: Partial<Record<RuleKey, RuleTally>> = {};
  for (const n of nodes) {
    for (const r of n.rules) {
      const tally = (rules[r.key] ??= { bound: 0, met: 0, missed: 0 });
      tally.bound++;
      if (r.state === 'missed') tally.missed++;
      else tally.met++;
    }
  }
  return { id, name, nodes: nodes.length, compliant: nodes.filter((n) => n.compliant).length, rules };
}

/** Percentage, rounded down to a whole number so that 99.6 % never shows as 100 %. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : Math.floor((part * 100) / whole));
