import 'server-only';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import { trainingRounds, trainingSessions } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import type { RoundInput, UpdateRoundInput } from './schemas';

// Writes of training rounds (admin only, 'training.manage').

export async function createRound(ctx: ActionContext, input: RoundInput) {
  const [row] = await ctx.tx
    .insert(trainingRounds)
    .values({ ...input, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'training.round_create', entityType: 'training_round', entityId: row!.id, after: row });
  return row!;
}

export async function updateRound(ctx: ActionContext, { id, version, ...input }: UpdateRoundInput) {
  const [before] = await ctx.tx.select().from(trainingRounds).where(eq(trainingRounds.id, id)).for('update');
  if (!before) throw new AppError('not_found', '没有找到该培训班。');
  if (before.version !== version) throw new AppError('conflict', '该培训班已被他人修改，请刷新页面后重新填写。');
  const [outside] = await ctx.tx
    .select({ heldOn: trainingSessions.heldOn })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.roundId, id), or(lt(trainingSessions.heldOn, input.startsOn), gt(trainingSessions.heldOn, input.endsOn))))
    .limit(1);
  if (outside) throw new AppError('invalid', `已有 ${outside.heldOn} 的课次，培训班日期须包含所有课次的日期。`, 'startsOn');
  const [row] = await ctx.tx
    .update(trainingRounds)
    .set({ ...input, version: before.version + 1, updatedAt: new Date() })
    .where(eq(trainingRounds.id, id))
    .returning();
  await ctx.audit({ action: 'training.round_update', entityType: 'training_round', entityId: id, before, after: row });
  return row!;
}
