import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { trainingRuleSets } from '@/db/schema/training';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { pickRuleSet, type RuleSetVersion } from '@/lib/rules/pick';
import type { RuleSetState } from '@/lib/rules/types';
import { trainingRulesSchema, type TrainingRules } from './rules';

export type TrainingRuleSet = RuleSetVersion<TrainingRules>;
export type TrainingRuleSetItem = TrainingRuleSet & { source: string; state: RuleSetState };

/** Every training rule set, oldest first, each checked: a row that does not match stops the figures loudly. */
export async function loadTrainingRuleSets(db?: Database): Promise<(TrainingRuleSet & { source: string })[]> {
  const rows = await (db ?? (await getDb())).select().from(trainingRuleSets).orderBy(asc(trainingRuleSets.effectiveFrom));
  return rows.map((row) => {
    const parsed = trainingRulesSchema.safeParse(row.rules);
    if (!parsed.success) throw new Error(`training_rule_sets #${row.id} does not match the rule schema: ${parsed.error.message}`);
    return { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom, source: row.source, rules: parsed.data };
  });
}

/** The training rule sets for the rules page, newest first, each marked past, current or future. */
export async function listTrainingRuleSets(actor: Actor): Promise<TrainingRuleSetItem[]> {
  authorize(actor, 'rules.read');
  const sets = await loadTrainingRuleSets();
  const today = todayInBeijing();
  const current = pickRuleSet(sets, today);
  return sets
    .map((s) => ({ ...s, state: (s.effectiveFrom > today ? 'future' : s.id === current?.id ? 'current' : 'past') as RuleSetState }))
    .reverse();
}

/** The rules the new-version form starts from: the latest set. */
export async function latestTrainingRules(actor: Actor): Promise<TrainingRules | null> {
  authorize(actor, 'training.rules');
  return (await loadTrainingRuleSets()).at(-1)?.rules ?? null;
}
