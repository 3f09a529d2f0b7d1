import 'server-only';
import { eq } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { branchRuleSets } from '@/db/schema/branches';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import type { NewBranchRuleSet } from './schemas';

// Rule sets are history: records already held were judged by the set in force on their day, so a
// set is never edited and a new version may only take effect after today. What the work committee
// decides today applies from tomorrow at the earliest; the past stays as it was evaluated.

const dateTaken = () => new AppError('conflict', '该生效日期已有一套规则，每个生效日期只能有一套。', 'effectiveFrom');

export async function createBranchRuleSet(ctx: ActionContext, input: NewBranchRuleSet) {
  const today = todayInBeijing();
  if (input.effectiveFrom <= today) {
    throw new AppError('invalid', `生效日期须晚于今天（${today}）：已发生的组织生活按当时有效的规则评价，不能追溯修改。`, 'effectiveFrom');
  }
  const [existing] = await ctx.tx.select({ id: branchRuleSets.id }).from(branchRuleSets).where(eq(branchRuleSets.effectiveFrom, input.effectiveFrom));
  if (existing) throw dateTaken();
  const [row] = await ctx.tx
    .insert(branchRuleSets)
    .values({ name: input.name, source: input.source, effectiveFrom: input.effectiveFrom, rules: input.rules, createdBy: ctx.user.id })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, 'branch_rule_sets_effective_key') ? dateTaken() : error;
    });
  await ctx.audit({ action: 'rules.create', entityType: 'branch_rule_set', entityId: row!.id, after: { name: row!.name, effectiveFrom: row!.effectiveFrom, source: row!.source, rules: row!.rules } });
  return row!;
}
