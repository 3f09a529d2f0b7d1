import 'server-only';
import { eq } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { trainingRuleSets } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import type { NewTrainingRuleSet } from './rules';

const dateTaken = () => new AppError('conflict', '该生效日期已有一套培训规则，每个生效日期只能有一套。', 'effectiveFrom');

/** A new version of the training minimums; like the other rule sets it takes effect after today, never retroactively. */
export async function createTrainingRuleSet(ctx: ActionContext, input: NewTrainingRuleSet) {
  const today = todayInBeijing();
  if (input.effectiveFrom <= today) {
    throw new AppError('invalid', `生效日期须晚于今天（${today}）：已过去的年度按当时有效的规则统计，不能追溯修改。`, 'effectiveFrom');
  }
  const [existing] = await ctx.tx.select({ id: trainingRuleSets.id }).from(trainingRuleSets).where(eq(trainingRuleSets.effectiveFrom, input.effectiveFrom));
  if (existing) throw dateTaken();
  const [row] = await ctx.tx
    .insert(trainingRuleSets)
    .values({ name: input.name, source: input.source, effectiveFrom: input.effectiveFrom, rules: input.rules, createdBy: ctx.user.id })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, 'training_rule_sets_effective_key') ? dateTaken() : error;
    });
  await ctx.audit({ action: 'training.rules_create', entityType: 'training_rule_set', entityId: row!.id, after: { name: row!.name, effectiveFrom: row!.effectiveFrom, source: row!.source, rules: row!.rules } });
  return row!;
}
