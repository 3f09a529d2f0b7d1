import 'server-only';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { trainees, trainingAttendance, trainingSessions } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import type { AttendanceInput } from './schemas';

// A session's attendance as a whole: the trainees ticked present, the others not. Only people
// enrolled in the session's round can attend (the table's trigger of migration 0018 says so too).
// The trainees' hours follow through the trigger on training_attendance, in this transaction.

/** The session, locked, at the version the form loaded. */
export async function lockSession(ctx: ActionContext, sessionId: number, version?: number) {
  const [session] = await ctx.tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update');
  if (!session) throw new AppError('not_found', '没有找到该课次。');
  if (version !== undefined && session.version !== version) throw new AppError('conflict', '该课次的出勤已被他人更新，请刷新页面后重新登记。');
  return session;
}

/** Marks the change on the session, so a form loaded before it cannot overwrite it unseen. */
export async function bumpSession(ctx: ActionContext, session: { id: number; version: number }) {
  await ctx.tx.update(trainingSessions).set({ version: session.version + 1, updatedAt: new Date() }).where(eq(trainingSessions.id, session.id));
}

export async function recordAttendance(ctx: ActionContext, input: AttendanceInput) {
  const session = await lockSession(ctx, input.sessionId, input.version);
  const present = [...new Set(input.present)];
  const enrolled = present.length
    ? await ctx.tx.select({ id: trainees.id }).from(trainees).where(and(eq(trainees.roundId, session.roundId), inArray(trainees.id, present)))
    : [];
  if (enrolled.length !== present.length) {
    throw new AppError('invalid', `有 ${present.length - enrolled.length} 人未报名本培训班，不能登记出勤；请先报名。`, 'present');
  }
  const before = await ctx.tx.select({ traineeId: trainingAttendance.traineeId }).from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
  await ctx.tx
    .delete(trainingAttendance)
    .where(and(eq(trainingAttendance.sessionId, session.id), present.length ? notInArray(trainingAttendance.traineeId, present) : undefined));
  if (present.length) {
    await ctx.tx
      .insert(trainingAttendance)
      .values(present.map((traineeId) => ({ sessionId: session.id, traineeId, createdBy: ctx.user.id })))
      .onConflictDoNothing();
  }
  await bumpSession(ctx, session);
  await ctx.audit({
    action: 'training.attendance',
    entityType: 'training_session',
    entityId: session.id,
    before: { present: before.map((r) => r.traineeId).sort((a, b) => a - b) },
    after: { present: present.sort((a, b) => a - b) },
  });
  return { present: present.length };
}
