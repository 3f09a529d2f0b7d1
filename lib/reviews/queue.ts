import 'server-only';
import { and, count, eq, gte, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { activityRecords } from '@/db/schema/activities';
import { branches } from '@/db/schema/branches';
import { findings } from '@/db/schema/reviews';
import { type Actor, authorize, scopeOf } from '@/lib/auth/permissions';
import { inBranchIds, visibleBranchIds } from '@/lib/branches/visible';
import { todayInBeijing } from '@/lib/calendar/days';
import { cursorFields, keyset, type KeysetPage, keysetPage } from '@/lib/pagination/keyset';
import { type CappedCount, cappedCountOf, countOf } from '@/lib/pagination/offset';
import { heldOnRange } from '@/lib/records/filters';
import { type LateEntryInterval, lateDays, lateEntryDaysOn } from '@/lib/records/late-entry';
import { heldOnKey } from '@/lib/records/list';
import { lateCondition, loadLateEntryIntervals } from '@/lib/records/thresholds';
import { releasedToBranch } from '@/lib/inspections/visibility';
import type { QueueFilters, QueueItem, ReviewCounts } from './types';

// The review queue: submitted records nobody has judged yet, the oldest meeting first (served by
// activity_records_status_idx on (status, held_on, id)), with the record book's filters; and
// the counts per status beside it, each capped.

/** The branches a branch-scoped actor (a secretary) may see, or null for every branch. */
export function reviewScope(actor: Actor): readonly number[] | null {
  return scopeOf(actor.role, 'reviews.read') === 'branch' ? (actor.branchScope ?? []) : null;
}

function filterCondition(filters: QueueFilters, branchIds: readonly number[] | null, intervals: LateEntryInterval[]) {
  const range = heldOnRange(filters);
  return and(
    inBranchIds(activityRecords.branchId, branchIds),
    filters.kind ? eq(activityRecords.kind, filters.kind) : undefined,
    range.from ? gte(activityRecords.heldOn, range.from) : undefined,
    range.to ? lte(activityRecords.heldOn, range.to) : undefined,
    filters.late ? lateCondition(intervals) : undefined,
  );
}


/** Oldest meeting first: what has waited longest is judged first. */
const queueOrder = keyset({ sort: heldOnKey, id: activityRecords.id, direction: 'asc' });

export const QUEUE_COUNT_CAP = 1000;

export type ReviewQueue = KeysetPage<QueueItem> & { counts: ReviewCounts };

/** One page of the queue at `cursor`, and the counts per status under the same filters. */
export async function reviewQueue(actor: Actor, { cursor, pageSize = 30, ...filters }: QueueFilters & { cursor?: string | string[]; pageSize?: number }): Promise<ReviewQueue> {
  authorize(actor, 'reviews.read');
  const db = await getDb();
  const [intervals, branchIds] = await Promise.all([loadLateEntryIntervals(db), visibleBranchIds(db, actor, 'reviews.read', filters.node)]);
  const where = filterCondition(filters, branchIds, intervals);
  const [page, counts] = await Promise.all([
    keysetPage({
      keyset: queueOrder,
      cursor,
      pageSize,
      rows: (q) =>
        db
          .select({
            id: activityRecords.id,
            heldOn: activityRecords.heldOn,
            branchName: branches.name,
            kind: activityRecords.kind,
            topic: activityRecords.topic,
            revision: activityRecords.revision,
            submittedOn: activityRecords.submittedOn,
            ...cursorFields(queueOrder),
          })
          .from(activityRecords)
          .innerJoin(branches, eq(branches.id, activityRecords.branchId))
          .where(and(eq(activityRecords.status, 'submitted'), where, q.where))
          .orderBy(...q.orderBy)
          .limit(q.limit),
    }),
    reviewCounts(db, where, branchIds, reviewScope(actor) !== null),
  ]);
  const items = page.items.map((r) => ({ ...r, lateDays: lateDays(r.heldOn, r.submittedOn, lateEntryDaysOn(intervals, r.heldOn)) }));
  return { ...page, items, counts };
}

async function capped(db: Database, table: typeof activityRecords | typeof findings, where: SQL | undefined): Promise<CappedCount> {
  const matching = db.select({ one: sql`1` }).from(table).where(where).limit(QUEUE_COUNT_CAP + 1).as('matching');
  return cappedCountOf(await db.select({ n: count() }).from(matching).then(countOf), QUEUE_COUNT_CAP);
}

/** Records per review status under the filters; findings of the same branches per state, and overdue. */
async function reviewCounts(db: Database, recordWhere: SQL | undefined, branchIds: readonly number[] | null, branchScoped: boolean): Promise<ReviewCounts> {
  const byStatus = (status: 'submitted' | 'reviewed' | 'flagged') => capped(db, activityRecords, and(eq(activityRecords.status, status), recordWhere));
  // A branch counts an inspection's findings only once the inspection is released.
  const findingWhere = (extra: SQL) => and(inBranchIds(findings.branchId, branchIds), branchScoped ? releasedToBranch() : undefined, extra);
  const [submitted, reviewed, flagged, open, answered, reopened, closed, overdue] = await Promise.all([
    byStatus('submitted'),
    byStatus('reviewed'),
    byStatus('flagged'),
    capped(db, findings, findingWhere(eq(findings.state, 'open'))),
    capped(db, findings, findingWhere(eq(findings.state, 'answered'))),
    capped(db, findings, findingWhere(eq(findings.state, 'reopened'))),
    capped(db, findings, findingWhere(eq(findings.state, 'closed'))),
    capped(db, findings, findingWhere(and(ne(findings.state, 'closed'), lt(findings.dueOn, todayInBeijing()))!)),
  ]);
  return { submitted, reviewed, flagged, findings: { open, answered, reopened, closed, overdue } };
}
