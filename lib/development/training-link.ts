import 'server-only';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { trainees, trainingRounds } from '@/db/schema/training';
import { type ConcentratedTraining, concentratedTrainingOf } from './concentrated-training';

// The link between a development file's 集中培训 and the training records: the completions of a
// person in concentrated rounds, which a training step may cite instead of typed days and hours.

async function select(db: Database, where: SQL | undefined): Promise<(ConcentratedTraining & { personId: number })[]> {
  const rows = await db
    .select({
      personId: trainees.personId,
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
  return rows.map((r) => ({ personId: r.personId, ...concentratedTrainingOf({ ...r, completedOn: r.completedOn ?? '', attendedDays: Number(r.attendedDays), sessionCount: Number(r.sessionCount) }) }));
}

const withoutPerson = ({ personId: _personId, ...training }: ConcentratedTraining & { personId: number }): ConcentratedTraining => training;

const completedConcentrated = and(eq(trainees.completed, true), eq(trainingRounds.kind, 'concentrated'));

/** The person's completions of concentrated rounds, newest first: what a training step may cite. */
export async function concentratedTrainingOptions(db: Database, personId: number): Promise<ConcentratedTraining[]> {
  return (await select(db, and(eq(trainees.personId, personId), completedConcentrated))).map(withoutPerson);
}

/** One trainee row, only if it is this person's completion of a concentrated round; else null. */
export async function concentratedTrainingOption(db: Database, personId: number, traineeId: number): Promise<ConcentratedTraining | null> {
  const [row] = await select(db, and(eq(trainees.id, traineeId), eq(trainees.personId, personId), completedConcentrated));
  return row ? withoutPerson(row) : null;
}

/** The record a file's training step cited, for the file page. */
export async function linkedConcentratedTraining(db: Database, traineeId: number): Promise<ConcentratedTraining | null> {
  const [row] = await select(db, eq(trainees.id, traineeId));
  return row ? withoutPerson(row) : null;
}

/** The completions in one concentrated round of the people a batch picked, by person. */
export async function concentratedTrainingsInRound(db: Database, roundId: number, personIds: readonly number[]): Promise<Map<number, ConcentratedTraining>> {
  if (personIds.length === 0) return new Map();
  const rows = await select(db, and(eq(trainees.roundId, roundId), inArray(trainees.personId, [...personIds]), completedConcentrated));
  return new Map(rows.map((row) => [row.personId, withoutPerson(row)]));
}

/** The concentrated rounds a batch training may cite, newest first. */
export function concentratedRounds(db: Database, limit = 50) {
  return db
    .select({ id: trainingRounds.id, name: trainingRounds.name, endsOn: trainingRounds.endsOn })
    .from(trainingRounds)
    .where(eq(trainingRounds.kind, 'concentrated'))
    .orderBy(desc(trainingRounds.startsOn), desc(trainingRounds.id))
    .limit(limit);
}
