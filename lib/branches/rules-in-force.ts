import 'server-only';
import { desc, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/open';
import { branchKinds, branchRuleSets } from '@/db/schema/branches';

// The committee-term part of the branch rule set in force on a day (the newest set whose
// effective date is on or before it). Only what the tree needs is read here; lib/rules owns the
// whole rule set and its validation.

const termRules = z.object({
  termWarningDays: z.number().int().min(0).max(3650),
  termYears: z.partialRecord(z.enum(branchKinds), z.number().int().min(1).max(20)),
});

export type TermRules = z.infer<typeof termRules> & { ruleSetName: string; effectiveFrom: string };

/** The term rules in force on `day`, or null when no rule set is in force or it lacks them. */
export async function termRulesInForce(db: Database, day: string): Promise<TermRules | null> {
  const [row] = await db
    .select({ name: branchRuleSets.name, effectiveFrom: branchRuleSets.effectiveFrom, rules: branchRuleSets.rules })
    .from(branchRuleSets)
    .where(lte(branchRuleSets.effectiveFrom, day))
    .orderBy(desc(branchRuleSets.effectiveFrom))
    .limit(1);
  if (!row) return null;
  const parsed = termRules.safeParse(row.rules);
  return parsed.success ? { ...parsed.data, ruleSetName: row.name, effectiveFrom: row.effectiveFrom } : null;
}
