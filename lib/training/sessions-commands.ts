import 'server-only';
import { eq } from 'drizzle-orm';
import { trainingRounds, trainingSessions } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import type { SessionInput, UpdateSessionInput } from './schemas';

// Writes of a round's sessions (admin only). A session lies inside its round's dates; its hours
// (> 0, ≤ 24) are checked by the schema and again by the table; a change of hours recounts every
// attendee's hours through the trigger of migration 0017, in this transaction.

async function roundFor(ctx: ActionContext, roundId: number) {
  const [round] = await ctx.tx.select().from(trainingRounds).where(eq(trainingRounds.id, roundId)).for('share');
  if (!round) throw new AppError('not_found', '没有找到该培训班。');
  return round;
}

function checkInside(round: { startsOn: string; endsOn: string }, heldOn: string) {
  if (heldOn < round.startsOn || heldOn > round.endsOn) {
    throw new AppError('invalid', `课次日期须在培训班的日期之内（${round.startsOn} 至 ${round.endsOn}）。`, 'heldOn');
  }
}

export async function createSession(ctx: ActionContext, input: SessionInput) {
  checkInside(await roundFor(ctx, input.roundId), input.heldOn);
  const [row] = await ctx.tx
    .insert(trainingSessions)
    .values({ ...input, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'training.session_create', entityType: 'training_session', entityId: row!.id, after: row });
  return row!;
}

export async function updateSession(ctx: ActionContext, { id, version, ...input }: UpdateSessionInput) {
  const [before] = await ctx.tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
  if (!before || before.roundId !== input.roundId) throw new AppError('not_found', '没有找到该课次。');
  if (before.version !== version) throw new AppError('conflict', '该课次已被他人修改，请刷新页面后重新填写。');
  checkInside(await roundFor(ctx, input.roundId), input.heldOn);
  const [row] = await ctx.tx
    .update(trainingSessions)
    .set({ heldOn: input.heldOn, hours: input.hours, topic: input.topic, teacher: input.teacher, version: before.version + 1, updatedAt: new Date() })
    .where(eq(trainingSessions.id, id))
    .returning();
  await ctx.audit({ action: 'training.session_update', entityType: 'training_session', entityId: id, before, after: row });
  return row!;
}
