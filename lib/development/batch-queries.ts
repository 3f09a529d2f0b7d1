import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { developmentBatches, type DevelopmentBatchOutcome, developmentRecords } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { branchSubtree } from '@/lib/branches/queries';
import { BATCH_MAX } from './schemas';
import { concentratedRounds } from './training-link';
import type { DecidingBody, RecordStage, StepKind } from './steps';

// Reads of the batch page: the people a batch may pick (bounded) and what a batch did.

export type BatchCandidate = { personId: number; name: string; branchName: string; stage: RecordStage };

/**
 * Files on their way (or awaiting conversion approval) under a node and at a stage, in branch
 * order, at most BATCH_MAX of them; `total` says how many matched so the page can ask to narrow.
 */
export async function listBatchCandidates(actor: Actor, filters: { branchId?: number; stage?: RecordStage }): Promise<{ items: BatchCandidate[]; total: number; limit: number }> {
  authorize(actor, 'development.batch');
  const db = await getDb();
  const covered = filters.branchId !== undefined ? await branchSubtree(db, filters.branchId) : null;
  const where = and(
    covered ? inArray(developmentRecords.branchId, covered.length ? covered : [0]) : undefined,
    filters.stage ? eq(developmentRecords.stage, filters.stage) : undefined,
    // Full members only while their conversion awaits approval, as on the board.
    or(inArray(developmentRecords.stage, ['applicant', 'activist', 'development_target', 'probationary']), and(eq(developmentRecords.stage, 'full_member'), isNull(developmentRecords.conversionApprovedOn))),
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ personId: developmentRecords.personId, name: people.name, branchName: branches.name, stage: developmentRecords.stage })
      .from(developmentRecords)
      .innerJoin(people, eq(people.id, developmentRecords.personId))
      .innerJoin(branches, eq(branches.id, developmentRecords.branchId))
      .where(where)
      .orderBy(asc(branches.sortOrder), asc(branches.id), asc(people.name), asc(developmentRecords.id))
      .limit(BATCH_MAX),
    db.select({ n: count() }).from(developmentRecords).where(where),
  ]);
  return { items, total: total!.n, limit: BATCH_MAX };
}

export type BatchView = {
  id: number;
  step: StepKind;
  decidedOn: string;
  decidingBody: DecidingBody;
  note: string | null;
  fields: Record<string, string | number | null>;
  movedCount: number;
  refusedCount: number;
  outcomes: DevelopmentBatchOutcome[];
  createdAt: Date;
  createdByName: string | null;
};

const batchColumns = {
  id: developmentBatches.id,
  step: developmentBatches.step,
  decidedOn: developmentBatches.decidedOn,
  decidingBody: developmentBatches.decidingBody,
  note: developmentBatches.note,
  fields: developmentBatches.fields,
  movedCount: developmentBatches.movedCount,
  refusedCount: developmentBatches.refusedCount,
  outcomes: developmentBatches.outcomes,
  createdAt: developmentBatches.createdAt,
  createdByName: users.displayName,
};

/** One batch with each person's outcome, or null. */
export async function getDevelopmentBatch(actor: Actor, id: number): Promise<BatchView | null> {
  authorize(actor, 'development.batch');
  const db = await getDb();
  const [row] = await db.select(batchColumns).from(developmentBatches).leftJoin(users, eq(users.id, developmentBatches.createdBy)).where(eq(developmentBatches.id, id)).limit(1);
  return row ? { ...row, step: row.step as StepKind } : null;
}

/** The latest batches, newest first (the page shows a short history, not an archive). */
export async function recentDevelopmentBatches(actor: Actor, limit = 10): Promise<Omit<BatchView, 'outcomes' | 'fields'>[]> {
  authorize(actor, 'development.batch');
  const db = await getDb();
  const { outcomes: _o, fields: _f, ...columns } = batchColumns;
  const rows = await db.select(columns).from(developmentBatches).leftJoin(users, eq(users.id, developmentBatches.createdBy)).orderBy(desc(developmentBatches.createdAt), desc(developmentBatches.id)).limit(limit);
  return rows.map((r) => ({ ...r, step: r.step as StepKind }));
}

/** The concentrated rounds (集中培训) a batch training may cite, newest first. */
export async function listConcentratedRoundOptions(actor: Actor) {
  authorize(actor, 'development.batch');
  return concentratedRounds(await getDb());
}
