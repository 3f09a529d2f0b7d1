import 'server-only';
import { and, asc, count, eq, exists, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { branches } from '@/db/schema/branches';
import { people } from '@/db/schema/people';
import { trainees, trainingAttendance, trainingRounds, trainingSessions } from '@/db/schema/training';
import { type Actor, authorize, scopeOf } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { cursorFields, keyset, keysetPage, type SortKey } from '@/lib/pagination/keyset';
import { pageCountOf } from '@/lib/pagination/offset';
import type { RoundFilters } from './schemas';
import type { RoundDetail, RoundList, TraineePage } from './types';

// Reads of training rounds. Admins and auditors see every round; a secretary sees the rounds
// holding people of their subtree and the rounds still open (not yet ended), and within a round
// only their subtree's trainees.

/** The branches `actor` sees trainees of (null: all). */
export const traineeScope = (actor: Actor): readonly number[] | null => (scopeOf(actor.role, 'training.read') === 'branch' ? (actor.branchScope ?? []) : null);

const inIds = (column: Parameters<typeof inArray>[0], ids: readonly number[] | null): SQL | undefined => (ids === null ? undefined : ids.length ? inArray(column, [...ids]) : sql`false`);

/** A round a scoped reader may open: one with their people in it, or one not yet ended. */
function roundVisible(db: Database, actor: Actor, today: string): SQL | undefined {
  const scope = traineeScope(actor);
  if (scope === null) return undefined;
  return or(
    gte(trainingRounds.endsOn, today),
    exists(
      db
        .select({ one: sql`1` })
        .from(trainees)
        .where(and(eq(trainees.roundId, trainingRounds.id), inIds(trainees.branchId, scope))),
    ),
  );
}

const startsKey: SortKey<string> = {
  expression: trainingRounds.startsOn,
  cursorValue: sql<string>`to_char(${trainingRounds.startsOn}, 'YYYY-MM-DD')`,
  parse: (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null),
  operand: (value) => sql`${value}::date`,
};

/** Newest first (training_rounds_starts_idx, or the kind index when filtered by kind). */
export const roundsOrder = keyset({ sort: startsKey, id: trainingRounds.id, direction: 'desc' });

export const ROUNDS_PAGE_SIZE = 20;

/** One page of rounds, newest first, filtered by year (of the start date), kind and audience. */
export async function listRounds(actor: Actor, { cursor, pageSize = ROUNDS_PAGE_SIZE, today = todayInBeijing(), ...filters }: RoundFilters & { cursor?: string | string[]; pageSize?: number; today?: string }): Promise<RoundList> {
  authorize(actor, 'training.read');
  const db = await getDb();
  const scope = traineeScope(actor);
  const where = and(
    roundVisible(db, actor, today),
    filters.year ? and(gte(trainingRounds.startsOn, `${filters.year}-01-01`), lte(trainingRounds.startsOn, `${filters.year}-12-31`)) : undefined,
    filters.kind ? eq(trainingRounds.kind, filters.kind) : undefined,
    filters.audience ? eq(trainingRounds.audience, filters.audience) : undefined,
  );
  const traineeCount = db
    .select({ n: count() })
    .from(trainees)
    .where(and(eq(trainees.roundId, trainingRounds.id), inIds(trainees.branchId, scope)));
  const completedCount = db
    .select({ n: count() })
    .from(trainees)
    .where(and(eq(trainees.roundId, trainingRounds.id), eq(trainees.completed, true), inIds(trainees.branchId, scope)));
  const page = await keysetPage({
    keyset: roundsOrder,
    cursor,
    pageSize,
    rows: (q) =>
      db
        .select({
          id: trainingRounds.id,
          name: trainingRounds.name,
          kind: trainingRounds.kind,
          audience: trainingRounds.audience,
          startsOn: trainingRounds.startsOn,
          endsOn: trainingRounds.endsOn,
          requiredHours: trainingRounds.requiredHours,
          organizer: trainingRounds.organizer,
          place: trainingRounds.place,
          trainees: sql<number>`(${traineeCount})`.mapWith(Number),
          completed: sql<number>`(${completedCount})`.mapWith(Number),
          ...cursorFields(roundsOrder),
        })
        .from(trainingRounds)
        .where(and(where, q.where))
        .orderBy(...q.orderBy)
        .limit(q.limit),
  });
  return page;
}

/** The round a reader may see, or null (also for a round a scoped reader may not open). */
export async function findRound(actor: Actor, id: number, today = todayInBeijing()) {
  authorize(actor, 'training.read');
  const db = await getDb();
  const [round] = await db
    .select()
    .from(trainingRounds)
    .where(and(eq(trainingRounds.id, id), roundVisible(db, actor, today)))
    .limit(1);
  return round ?? null;
}

export const TRAINEES_PAGE_SIZE = 50;

/** A round with its sessions (attendance counted within the reader's scope) and one page of its trainees. */
export async function getRoundDetail(actor: Actor, id: number, { page = 1 }: { page?: number } = {}): Promise<RoundDetail | null> {
  const round = await findRound(actor, id);
  if (!round) return null;
  const db = await getDb();
  const scope = traineeScope(actor);
  const [sessions, traineePage] = await Promise.all([
    db
      .select({
        id: trainingSessions.id,
        heldOn: trainingSessions.heldOn,
        hours: trainingSessions.hours,
        topic: trainingSessions.topic,
        teacher: trainingSessions.teacher,
        version: trainingSessions.version,
        present: sql<number>`(${db
          .select({ n: count() })
          .from(trainingAttendance)
          .innerJoin(trainees, eq(trainees.id, trainingAttendance.traineeId))
          .where(and(eq(trainingAttendance.sessionId, trainingSessions.id), inIds(trainees.branchId, scope)))})`.mapWith(Number),
      })
      .from(trainingSessions)
      .where(eq(trainingSessions.roundId, id))
      .orderBy(asc(trainingSessions.heldOn), asc(trainingSessions.id)),
    listTrainees(db, id, scope, page),
  ]);
  return { round, sessions, trainees: traineePage };
}

async function listTrainees(db: Database, roundId: number, scope: readonly number[] | null, page: number): Promise<TraineePage> {
  const where = and(eq(trainees.roundId, roundId), inIds(trainees.branchId, scope));
  const [[counted], [done]] = await Promise.all([
    db.select({ n: count() }).from(trainees).where(where),
    db.select({ n: count() }).from(trainees).where(and(where, eq(trainees.completed, true))),
  ]);
  const total = counted?.n ?? 0;
  const pageCount = pageCountOf(total, TRAINEES_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), Math.max(1, pageCount));
  const items = await db
    .select({
      id: trainees.id,
      personId: trainees.personId,
      name: people.name,
      branchId: trainees.branchId,
      branchName: branches.name,
      attendedHours: trainees.attendedHours,
      completed: trainees.completed,
      completedOn: trainees.completedOn,
      certificateNo: trainees.certificateNo,
      version: trainees.version,
    })
    .from(trainees)
    .innerJoin(people, eq(people.id, trainees.personId))
    .innerJoin(branches, eq(branches.id, trainees.branchId))
    .where(where)
    .orderBy(asc(branches.sortOrder), asc(branches.id), asc(people.name), asc(trainees.id))
    .limit(TRAINEES_PAGE_SIZE)
    .offset((current - 1) * TRAINEES_PAGE_SIZE);
  return { items, total, completed: done?.n ?? 0, page: current, pageCount, pageSize: TRAINEES_PAGE_SIZE };
}

/** People in the reader's enrolment scope whose name contains `q` (at most 20), with whether they are already enrolled. */
export async function searchEnrolmentCandidates(actor: Actor, roundId: number, q: string) {
  authorize(actor, 'training.enrol');
  const term = q.trim().slice(0, 20);
  if (!term) return [];
  const db = await getDb();
  const scope = scopeOf(actor.role, 'training.enrol') === 'branch' ? (actor.branchScope ?? []) : null;
  return db
    .select({
      id: people.id,
      name: people.name,
      branchName: branches.name,
      enrolled: sql<boolean>`exists (select 1 from ${trainees} t where t.round_id = ${roundId} and t.person_id = ${people.id})`,
    })
    .from(people)
    .innerJoin(branches, eq(branches.id, people.branchId))
    .where(and(ilike(people.name, `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), inIds(people.branchId, scope)))
    .orderBy(asc(people.name), asc(people.id))
    .limit(20);
}

/** The completed trainees of a round in the reader's scope, by certificate number (at most `limit`). */
export async function listCertificates(actor: Actor, roundId: number, { limit = 5000 }: { limit?: number } = {}) {
  const round = await findRound(actor, roundId);
  if (!round) return null;
  const db = await getDb();
  const items = await db
    .select({
      certificateNo: trainees.certificateNo,
      name: people.name,
      branchName: branches.name,
      attendedHours: trainees.attendedHours,
      completedOn: trainees.completedOn,
    })
    .from(trainees)
    .innerJoin(people, eq(people.id, trainees.personId))
    .innerJoin(branches, eq(branches.id, trainees.branchId))
    .where(and(eq(trainees.roundId, roundId), eq(trainees.completed, true), inIds(trainees.branchId, traineeScope(actor))))
    .orderBy(asc(trainees.certificateNo), asc(trainees.id))
    .limit(limit);
  return { round, items };
}
