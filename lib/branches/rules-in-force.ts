import 'server-only';
import type { Database } from '@/db/open';
import { ruleSetInForce } from '@/lib/rules/queries';
import type { BranchRules } from '@/lib/rules/types';

// The committee-term part of the branch rule set in force on a day: what the tree's term
// warnings and default term ends need. The rule set itself, its validation and versions are
// lib/rules'.

export type TermRules = Pick<BranchRules, 'termWarningDays' | 'termYears'> & { ruleSetName: string; effectiveFrom: string };

/** The term rules in force on `day`, or null when no rule set is in force yet. */
export async function termRulesInForce(db: Database, day: string): Promise<TermRules | null> {
  const set = await ruleSetInForce(day, db);
  return set ? { termWarningDays: set.rules.termWarningDays, termYears: set.rules.termYears, ruleSetName: set.name, effectiveFrom: set.effectiveFrom } : null;
}
