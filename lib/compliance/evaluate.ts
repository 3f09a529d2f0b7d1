import type { ActivityKind } from '@/db/schema/activities';
import type { BranchKind } from '@/db/schema/branches';
import { pickRuleSet, ruleSetsOverlapping, type RuleSetVersion } from '@/lib/rules/pick';
import type { BranchRules, PeriodUnit } from '@/lib/rules/schemas';
import { addDays, monthsOf, type Period, periodsOf, yearPeriod } from './periods';

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
  counts: readonly CountRow[];
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

/** Evaluates every node against every rule of the year; nodes no rule binds are left out. */
export function evaluateYear({ year, today, nodes, counts, secretaryLectures, ruleSets }: EvaluationInput): NodeCompliance[] {
  const held = new Map<string, { held: number; late: number }>();
  for (const c of counts) held.set(`${c.branchId}|${c.kind}|${c.month}`, { held: c.held, late: c.late });
  const keys = ruleKeysOf(year, ruleSets);
  const requirements = new Map(keys.filter((k): k is ActivityKind => k !== 'secretary_lecture').map((k) => [k, requirementsOf(k, year, ruleSets)]));
  const yearSet = pickRuleSet(ruleSets, yearPeriod(year).from);
  const lectureKinds = yearSet?.rules.frequencies.find((f) => f.kind === 'party_lecture')?.nodeKinds ?? ['branch'];

  const results: NodeCompliance[] = [];
  for (const node of nodes) {
    const rules: RuleCheck[] = [];
    for (const key of keys) {
      const periods: PeriodCheck[] = [];
      if (key === 'secretary_lecture') {
        const period = yearPeriod(year);
        const required = yearSet?.rules.secretaryLecturesPerYear ?? 0;
        if (required > 0 && (lectureKinds as readonly string[]).includes(node.kind) && activeIn(node, period)) {
          const n = secretaryLectures.get(node.id) ?? 0;
          periods.push({ period, required, held: n, late: 0, state: stateOf(n, required, period, today), ruleSetId: yearSet!.id });
        }
      } else {
        for (const r of requirements.get(key) ?? []) {
          if (!r.nodeKinds.includes(node.kind) || !activeIn(node, r.period)) continue;
          let n = 0;
          let late = 0;
          for (const month of monthsOf(r.period)) {
            const c = held.get(`${node.id}|${key}|${month}`);
            if (c) {
              n += c.held;
              late += c.late;
            }
          }
          periods.push({ period: r.period, required: r.min, held: n, late, state: stateOf(n, r.min, r.period, today), ruleSetId: r.ruleSetId });
        }
      }
      if (periods.length === 0) continue;
      const totals = sumKind(held, node.id, key);
      rules.push({
        key,
        periods,
        held: key === 'secretary_lecture' ? periods[0]!.held : totals.held,
        late: totals.late,
        state: summarizeState(periods.map((p) => p.state)),
      });
    }
    if (rules.length > 0) results.push({ node, rules, compliant: rules.every((r) => r.state !== 'missed') });
  }
  return results;
}

function sumKind(held: Map<string, { held: number; late: number }>, nodeId: number, key: RuleKey) {
  let n = 0;
  let late = 0;
  if (key !== 'secretary_lecture') {
    for (let month = 1; month <= 12; month++) {
      const c = held.get(`${nodeId}|${key}|${month}`);
      if (c) {
        n += c.held;
        late += c.late;
      }
    }
  }
  return { held: n, late };
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
