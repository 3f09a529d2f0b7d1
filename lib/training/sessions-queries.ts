import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { branches } from '@/db/schema/branches';
import { people } from '@/db/schema/people';
import { trainees, trainingAttendance, trainingSessions } from '@/db/schema/training';
import type { Actor } from '@/lib/auth/permissions';
import { inBranchIds } from '@/lib/branches/visible';
import { findRound, traineeScope } from './rounds-queries';
import { ATTENDANCE_GRID_MAX } from './schemas';

// A session with the round's trainees (in the reader's scope), each with whether they attended:
// the attendance grid. Bounded by the round's size (a city-wide round holds the ~700 secretaries).

export async function getSessionDetail(actor: Actor, roundId: number, sessionId: number) {
  const round = await findRound(actor, roundId);
  if (!round) return null;
  const db = await getDb();
  const [session] = await db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.roundId, roundId)))
    .limit(1);
  if (!session) return null;
  const rows = await db
    .select({
      id: trainees.id,
      name: people.name,
      branchName: branches.name,
      attendedHours: trainees.attendedHours,
      present: sql<boolean>`exists (select 1 from ${trainingAttendance} a where a.session_id = ${session.id} and a.trainee_id = ${trainees.id})`,
    })
    .from(trainees)
    .innerJoin(people, eq(people.id, trainees.personId))
    .innerJoin(branches, eq(branches.id, trainees.branchId))
    .where(and(eq(trainees.roundId, roundId), inBranchIds(trainees.branchId, traineeScope(actor))))
    .orderBy(asc(branches.sortOrder), asc(branches.id), asc(people.name), asc(trainees.id))
    .limit(ATTENDANCE_GRID_MAX);
  return { round, session, trainees: rows };
}
