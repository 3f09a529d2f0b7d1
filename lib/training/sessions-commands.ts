import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { trainees, trainingAttendance, trainingRounds, trainingSessions } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { lockRoundHours } from './attendance-commands';
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

/**
 * A round without sessions credits its required hours on completion (lib/training/hours.ts); its
 * first session would switch it to hours by attendance and silently take those hours from every
 * trainee already completed, so it is refused then.
 */
async function refuseFirstSessionAfterCompletions(ctx: ActionContext, roundId: number) {
  const [sessions] = await ctx.tx.select({ n: count() }).from(trainingSessions).where(eq(trainingSessions.roundId, roundId));
  if (sessions!.n > 0) return;
  const [completed] = await ctx.tx.select({ n: count() }).from(trainees).where(and(eq(trainees.roundId, roundId), eq(trainees.completed, true)));
  if (completed!.n > 0) {
    throw new AppError('invalid', `本班已有 ${completed!.n} 名学员按结业计入学时，不能再添加课次（添加后学时将改按出勤计算）；请另建培训班。`);
  }
}

export async function createSession(ctx: ActionContext, input: SessionInput) {
  checkInside(await roundFor(ctx, input.roundId), input.heldOn);
  await lockRoundHours(ctx, input.roundId);
  await refuseFirstSessionAfterCompletions(ctx, input.roundId);
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
  await lockRoundHours(ctx, input.roundId);
  if (input.heldOn > todayInBeijing() && input.heldOn !== before.heldOn) {
    const [attended] = await ctx.tx.select({ n: count() }).from(trainingAttendance).where(eq(trainingAttendance.sessionId, id));
    if (attended!.n > 0) throw new AppError('invalid', '该课次已登记出勤，日期不能改到今天之后。', 'heldOn');
  }
  const [row] = await ctx.tx
    .update(trainingSessions)
    .set({ heldOn: input.heldOn, hours: input.hours, topic: input.topic, teacher: input.teacher, version: before.version + 1, updatedAt: new Date() })
    .where(eq(trainingSessions.id, id))
    .returning();
  await ctx.audit({ action: 'training.session_update', entityType: 'training_session', entityId: id, before, after: row });
  return row!;
}
