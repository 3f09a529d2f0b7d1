import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { trainees, trainingAttendance, trainingSessions } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import type { AttendanceInput } from './schemas';

// A session's attendance as the grid showed it: the listed trainees ticked present, the other
// listed ones not; trainees the grid did not list keep what they had. Only people enrolled in the
// session's round can attend (the table's trigger of migration 0020 says so too), and only once
// the session's day has come. The trainees' hours follow through the trigger on
// training_attendance, in this transaction.

// A trainee's hours are re-summed by that trigger from the rows the statement sees. Two writers
// changing different sessions of one round at once would each miss the other's rows, so every
// write that moves a round's hours (attendance, import, a session's hours) first takes this
// lock for the round; the second then starts its statements after the first has committed.
const ROUND_HOURS_LOCK = 7_416_102;

export const lockRoundHours = (ctx: ActionContext, roundId: number) => ctx.tx.execute(sql`select pg_advisory_xact_lock(${ROUND_HOURS_LOCK}, ${roundId})`);

/** The session, locked with its round's hours, at the version the form loaded; refused before its day. */
export async function lockSession(ctx: ActionContext, sessionId: number, version?: number) {
  const [session] = await ctx.tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update');
  if (!session) throw new AppError('not_found', '没有找到该课次。');
  if (version !== undefined && session.version !== version) throw new AppError('conflict', '该课次的出勤已被他人更新，请刷新页面后重新登记。');
  const today = todayInBeijing();
  if (session.heldOn > today) throw new AppError('invalid', `该课次定于 ${session.heldOn} 举办，当天起才能登记出勤。`);
  await lockRoundHours(ctx, session.roundId);
  return session;
}

/** Marks the change on the session, so a form loaded before it cannot overwrite it unseen. */
export async function bumpSession(ctx: ActionContext, session: { id: number; version: number }) {
  await ctx.tx.update(trainingSessions).set({ version: session.version + 1, updatedAt: new Date() }).where(eq(trainingSessions.id, session.id));
}

export async function recordAttendance(ctx: ActionContext, input: AttendanceInput) {
  const session = await lockSession(ctx, input.sessionId, input.version);
  const shown = new Set(input.shown);
  const present = [...new Set(input.present)];
  if (present.some((id) => !shown.has(id))) throw new AppError('invalid', '出勤名单与页面不符，请刷新页面后重新登记。', 'present');
  const enrolled = present.length
    ? await ctx.tx.select({ id: trainees.id }).from(trainees).where(and(eq(trainees.roundId, session.roundId), inArray(trainees.id, present)))
    : [];
  if (enrolled.length !== present.length) {
    throw new AppError('invalid', `有 ${present.length - enrolled.length} 人未报名本培训班，不能登记出勤；请先报名。`, 'present');
  }
  const before = await ctx.tx.select({ traineeId: trainingAttendance.traineeId }).from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
  const presentSet = new Set(present);
  const absent = before.map((r) => r.traineeId).filter((id) => shown.has(id) && !presentSet.has(id));
  if (absent.length) {
    await ctx.tx.delete(trainingAttendance).where(and(eq(trainingAttendance.sessionId, session.id), inArray(trainingAttendance.traineeId, absent)));
  }
  if (present.length) {
    await ctx.tx
      .insert(trainingAttendance)
      .values(present.map((traineeId) => ({ sessionId: session.id, traineeId, createdBy: ctx.user.id })))
      .onConflictDoNothing();
  }
  await bumpSession(ctx, session);
  const beforeIds = before.map((r) => r.traineeId);
  const afterIds = new Set([...beforeIds.filter((id) => !shown.has(id)), ...present]);
  const ascending = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);
  await ctx.audit({
    action: 'training.attendance',
    entityType: 'training_session',
    entityId: session.id,
    before: { present: ascending(beforeIds) },
    after: { present: ascending(afterIds) },
  });
  return { present: present.length };
}
