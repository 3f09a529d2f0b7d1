import type { BranchRules } from './schemas';

// "The rule set in force on a date": the one predicate every compliance figure uses. Pure.

export type RuleSetVersion<R = BranchRules> = { id: number; name: string; effectiveFrom: string; rules: R };

/** The set whose effective date is the latest on or before `on` (ISO dates compare as text); null before the first. */
export function pickRuleSet<R>(sets: readonly RuleSetVersion<R>[], on: string): RuleSetVersion<R> | null {
  let best: RuleSetVersion<R> | null = null;
  for (const set of sets) if (set.effectiveFrom <= on && (!best || set.effectiveFrom > best.effectiveFrom)) best = set;
  return best;
}

/** The sets that are in force at some day of [from, to] (inclusive), oldest first. */
export function ruleSetsOverlapping<R>(sets: readonly RuleSetVersion<R>[], from: string, to: string): RuleSetVersion<R>[] {
  const sorted = [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const first = pickRuleSet(sorted, from);
  return sorted.filter((s) => s === first || (s.effectiveFrom > from && s.effectiveFrom <= to));
}
