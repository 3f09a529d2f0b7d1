import 'server-only';
import { eq } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { trainees, trainingRounds } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import type { CompleteTraineeInput } from './schemas';

// Completion (结业) with its certificate. The rule: a trainee completes only with attended hours
// ≥ the round's required hours. An online course (网络课程) counts by completion alone, recorded
// by the admin; its hours are then the required hours (never clicks or time spent).

export const completionRule = (required: number, attended: number) => `结业须修满本班规定的 ${required} 学时，该学员已修 ${attended} 学时，不能结业。`;

/** The issued number when none is typed: unique because the trainee id is. */
export const issuedCertificateNo = (year: string, roundId: number, traineeId: number) => `${year}-${String(roundId).padStart(3, '0')}-${String(traineeId).padStart(5, '0')}`;

export async function completeTrainee(ctx: ActionContext, input: CompleteTraineeInput) {
  const [before] = await ctx.tx.select().from(trainees).where(eq(trainees.id, input.traineeId)).for('update');
  if (!before) throw new AppError('not_found', '没有找到该学员。');
  if (before.version !== input.version) throw new AppError('conflict', '该学员的记录已被他人更新，请刷新页面后重试。');
  if (before.completed) throw new AppError('conflict', `该学员已于 ${before.completedOn} 结业（证书编号 ${before.certificateNo ?? '无'}）。`);
  const [round] = await ctx.tx.select().from(trainingRounds).where(eq(trainingRounds.id, before.roundId));
  if (round!.kind !== 'online' && before.attendedHours < round!.requiredHours) throw new AppError('invalid', completionRule(round!.requiredHours, before.attendedHours));
  if (input.completedOn < round!.startsOn) throw new AppError('invalid', `结业日期不能早于培训班开始日期（${round!.startsOn}）。`, 'completedOn');
  if (input.completedOn > todayInBeijing()) throw new AppError('invalid', '结业日期不能晚于今天。', 'completedOn');
  const certificateNo = input.certificateNo ?? issuedCertificateNo(input.completedOn.slice(0, 4), round!.id, before.id);
  try {
    const [row] = await ctx.tx
      .update(trainees)
      .set({ completed: true, completedOn: input.completedOn, certificateNo, version: before.version + 1, updatedAt: new Date() })
      .where(eq(trainees.id, before.id))
      .returning();
    await ctx.audit({ action: 'training.complete', entityType: 'trainee', entityId: before.id, before, after: row });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'trainees_certificate_key')) throw new AppError('invalid', `证书编号 ${certificateNo} 已被使用，请换一个。`, 'certificateNo');
    throw error;
  }
}
