import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { branchRuleSets } from '@/db/schema/branches';
import { developmentRuleSets } from '@/db/schema/development';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { pickRuleSet, type RuleSetVersion } from './pick';
import { branchRulesSchema, type BranchRules } from './schemas';
import type { RuleSetLists, RuleSetState } from './types';

/**
 * Every branch-life rule set, oldest first, each checked against the schema: a row that does not
 * match stops the computation loudly instead of producing figures from wrong rules.
 */
export async function loadBranchRuleSets(db?: Database): Promise<RuleSetVersion<BranchRules>[]> {
  const rows = await (db ?? (await getDb())).select().from(branchRuleSets).orderBy(asc(branchRuleSets.effectiveFrom));
  return rows.map((row) => {
    const parsed = branchRulesSchema.safeParse(row.rules);
    if (!parsed.success) throw new Error(`branch_rule_sets #${row.id} does not match the rule schema: ${parsed.error.message}`);
    return { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom, rules: parsed.data };
  });
}

/** The branch-life rule set in force on `on` (YYYY-MM-DD), or null before the first one. */
export async function ruleSetInForce(on: string, db?: Database): Promise<RuleSetVersion<BranchRules> | null> {
  return pickRuleSet(await loadBranchRuleSets(db), on);
}

function stateOf(effectiveFrom: string, current: { effectiveFrom: string } | null, today: string): RuleSetState {
  if (effectiveFrom > today) return 'future';
  return current?.effectiveFrom === effectiveFrom ? 'current' : 'past';
}

/** Both kinds of rule sets for the rules page, newest first, each marked past, current or future. */
export async function listRuleSets(actor: Actor): Promise<RuleSetLists> {
  authorize(actor, 'rules.read');
  const db = await getDb();
  const today = todayInBeijing();
  const [branchRows, developmentRows] = await Promise.all([
    db.select().from(branchRuleSets).orderBy(asc(branchRuleSets.effectiveFrom)),
    db.select().from(developmentRuleSets).orderBy(asc(developmentRuleSets.effectiveFrom)),
  ]);
  const branchSets = await loadBranchRuleSets(db);
  const currentBranch = pickRuleSet(branchSets, today);
  const currentDevelopment = pickRuleSet(
    developmentRows.map((r) => ({ ...r, rules: r.rules })),
    today,
  );
  const parsed = new Map(branchSets.map((s) => [s.id, s.rules]));
  return {
    branch: branchRows
      .map((r) => ({ id: r.id, name: r.name, source: r.source, effectiveFrom: r.effectiveFrom, state: stateOf(r.effectiveFrom, currentBranch, today), rules: parsed.get(r.id)!, createdAt: r.createdAt }))
      .reverse(),
    development: developmentRows
      .map((r) => ({ id: r.id, name: r.name, source: r.source, effectiveFrom: r.effectiveFrom, state: stateOf(r.effectiveFrom, currentDevelopment, today), rules: r.rules }))
      .reverse(),
  };
}

/** The rules the new-version form starts from: the latest set (so a revision changes only what differs). */
export async function latestBranchRules(actor: Actor): Promise<BranchRules | null> {
  authorize(actor, 'rules.manage');
  const sets = await loadBranchRuleSets();
  return sets.at(-1)?.rules ?? null;
}
