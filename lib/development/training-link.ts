import 'server-only';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { trainees, trainingRounds } from '@/db/schema/training';
import { type ConcentratedTraining, concentratedTrainingOf } from './concentrated-training';

// The link between a development file's 集中培训 and the training records: the completions of a
// person in concentrated rounds, which a training step may cite instead of typed days and hours.

async function select(db: Database, where: SQL | undefined): Promise<ConcentratedTraining[]> {
  const rows = await db
    .select({
      traineeId: trainees.id,
      roundId: trainingRounds.id,
      roundName: trainingRounds.name,
      completedOn: trainees.completedOn,
      certificateNo: trainees.certificateNo,
      startsOn: trainingRounds.startsOn,
      endsOn: trainingRounds.endsOn,
      requiredHours: trainingRounds.requiredHours,
      attendedHours: trainees.attendedHours,
      attendedDays: sql<number>`(select count(distinct s.held_on)::int from training_attendance a join training_sessions s on s.id = a.session_id where a.trainee_id = ${trainees.id})`,
      sessionCount: sql<number>`(select count(*)::int from training_sessions s where s.round_id = ${trainingRounds.id})`,
    })
    .from(trainees)
    .innerJoin(trainingRounds, eq(trainingRounds.id, trainees.roundId))
    .where(where)
    .orderBy(desc(trainees.completedOn), desc(trainees.id));
  return rows.map((r) => concentratedTrainingOf({ ...r, completedOn: r.completedOn ?? '', attendedDays: Number(r.attendedDays), sessionCount: Number(r.sessionCount) }));
}

const completedConcentrated = and(eq(trainees.completed, true), eq(trainingRounds.kind, 'concentrated'));

/** The person's completions of concentrated rounds, newest first: what a training step may cite. */
export function concentratedTrainingOptions(db: Database, personId: number): Promise<ConcentratedTraining[]> {
  return select(db, and(eq(trainees.personId, personId), completedConcentrated));
}

/** One trainee row, only if it is this person's completion of a concentrated round; else null. */
export async function concentratedTrainingOption(db: Database, personId: number, traineeId: number): Promise<ConcentratedTraining | null> {
  const [row] = await select(db, and(eq(trainees.id, traineeId), eq(trainees.personId, personId), completedConcentrated));
  return row ?? null;
}

/** The record a file's training step cited, for the file page. */
export async function linkedConcentratedTraining(db: Database, traineeId: number): Promise<ConcentratedTraining | null> {
  const [row] = await select(db, eq(trainees.id, traineeId));
  return row ?? null;
}
