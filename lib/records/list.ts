import 'server-only';
import { and, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { selectRows } from '@/db/rows';
import type { Database } from '@/db/open';
import { activityAttendees, activityRecords } from '@/db/schema/activities';
import { branches } from '@/db/schema/branches';
import { lecturers } from '@/db/schema/lectures';
import { people } from '@/db/schema/people';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { branchSubtree } from '@/lib/branches/queries';
import { cursorFields, keyset, type KeysetPage, keysetPage, type SortKey } from '@/lib/pagination/keyset';
import { type CappedCount, cappedCountOf, countOf } from '@/lib/pagination/offset';
import { isRecordDay } from './dates';
import { heldOnRange, type RecordFilters } from './filters';
import { type LateEntryInterval, lateDays, lateEntryDaysOn } from './late-entry';
import { scopeIds } from './scope';
import { lateCondition, loadLateEntryIntervals } from './thresholds';
import type { RecordExportRow, RecordListItem } from './types';

// The record book as a list: one keyset page of what is filtered (newest meeting first, over the
// indexes of activity_records), its capped count, and the same filter as batches for export.
// Each read checks the caller's permission and keeps a branch-scoped caller (a secretary) inside
// their own subtree.

// ---------------------------------------------------------------- the list

/** held_on as the cursor keeps it: the calendar day, exact. */
export const heldOnKey: SortKey<string> = {
  expression: activityRecords.heldOn,
  cursorValue: sql<string>`to_char(${activityRecords.heldOn}, 'YYYY-MM-DD')`,
  parse: (value) => (typeof value === 'string' && isRecordDay(value) ? value : null),
  operand: (value) => sql`${value}::date`,
};

/** Newest meeting first; the id breaks ties within a day. Served by the held_on indexes. */
export const recordOrder = keyset({ sort: heldOnKey, id: activityRecords.id, direction: 'desc' });

/** Matching records are counted up to this many; beyond it the page says "1000 条以上". */
export const RECORD_COUNT_CAP = 1000;

/**
 * The filters as SQL, the branch scope apart: a small set of branches (a secretary's subtree, a
 * unit) is read branch by branch (see `branchCondition`), a large one as one condition.
 */
async function recordWhere(db: Database, actor: Actor, filters: RecordFilters, intervals: LateEntryInterval[]): Promise<{ branchIds: readonly number[] | null; rest: SQL | undefined }> {
  let ids = scopeIds(actor, 'records.read');
  if (filters.node) {
    const subtree = await branchSubtree(db, filters.node);
    ids = ids ? subtree.filter((id) => ids!.includes(id)) : subtree;
  }
  const range = heldOnRange(filters);
  const rest = and(
    filters.kind ? eq(activityRecords.kind, filters.kind) : undefined,
    filters.status ? eq(activityRecords.status, filters.status) : undefined,
    range.from ? gte(activityRecords.heldOn, range.from) : undefined,
    range.to ? lte(activityRecords.heldOn, range.to) : undefined,
    filters.late ? lateCondition(intervals) : undefined,
  );
  return { branchIds: ids, rest };
}

/**
 * Up to this many branches are read one by one. PostgreSQL answers `branch_id in (a, b, c)
 * order by held_on desc limit n` by walking the held_on index and skipping every other
 * branch's rows (thousands at a million records); one short walk of the (branch, held_on)
 * index per branch touches only the rows that can be on the page.
 */
const PER_BRANCH_MAX = 64;

const idArray = (ids: readonly number[]) => sql.raw(`array[${ids.map((id) => Number(id)).join(',')}]::int[]`);

/** The rows of the branches that could be among the first `limit` in `orderBy`: `limit` per branch. */
async function perBranchCandidates(db: Database, branchIds: readonly number[], where: SQL | undefined, orderBy: SQL[], limit: number): Promise<number[]> {
  const rows = await selectRows<{ id: number }>(
    db,
    sql`select x.id from unnest(${idArray(branchIds)}) as s(branch_id) cross join lateral (
          select ${activityRecords.id} as id from ${activityRecords}
          where ${activityRecords.branchId} = s.branch_id ${where ? sql`and ${where}` : sql``}
          order by ${sql.join(orderBy, sql`, `)} limit ${limit}
        ) x`,
  );
  return rows.map((r) => Number(r.id));
}

/** The branch part of a page's condition, for rows in `orderBy` up to `limit`. */
async function branchCondition(db: Database, branchIds: readonly number[] | null, where: SQL | undefined, orderBy: SQL[], limit: number): Promise<SQL | undefined> {
  if (branchIds === null) return undefined;
  if (branchIds.length === 0) return sql`false`;
  if (branchIds.length === 1 || branchIds.length > PER_BRANCH_MAX) return inArray(activityRecords.branchId, [...branchIds]);
  const ids = await perBranchCandidates(db, branchIds, where, orderBy, limit);
  return ids.length ? inArray(activityRecords.id, ids) : sql`false`;
}

/** Matching rows up to `cap + 1`, branch by branch when the branches are few. */
async function cappedCount(db: Database, branchIds: readonly number[] | null, rest: SQL | undefined, cap: number): Promise<number> {
  if (branchIds !== null && branchIds.length > 1 && branchIds.length <= PER_BRANCH_MAX) {
    const [row] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from unnest(${idArray(branchIds)}) as s(branch_id) cross join lateral (
            select 1 from ${activityRecords} where ${activityRecords.branchId} = s.branch_id ${rest ? sql`and ${rest}` : sql``} limit ${cap + 1}
          ) x limit ${cap + 1}) m`,
    );
    return Number(row?.n ?? 0);
  }
  const where = and(branchIds === null ? undefined : branchIds.length ? inArray(activityRecords.branchId, [...branchIds]) : sql`false`, rest);
  const matching = db.select({ one: sql`1` }).from(activityRecords).where(where).limit(cap + 1).as('matching');
  return db.select({ n: count() }).from(matching).then(countOf);
}

const listFields = {
  id: activityRecords.id,
  heldOn: activityRecords.heldOn,
  branchId: activityRecords.branchId,
  branchName: branches.name,
  kind: activityRecords.kind,
  topic: activityRecords.topic,
  status: activityRecords.status,
  revision: activityRecords.revision,
  submittedOn: activityRecords.submittedOn,
};

/** Present and expected attendance of the given records, by record id. */
async function attendanceOf(db: Database, ids: number[]): Promise<Map<number, { present: number; expected: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ recordId: activityAttendees.recordId, present: sql<number>`count(*) filter (where ${activityAttendees.attendance} = 'present')`.mapWith(Number), expected: count() })
    .from(activityAttendees)
    .where(inArray(activityAttendees.recordId, ids))
    .groupBy(activityAttendees.recordId);
  return new Map(rows.map((r) => [r.recordId, { present: r.present, expected: r.expected }]));
}

export type RecordList = KeysetPage<RecordListItem> & { count: CappedCount };

/** One page of the record book at `cursor` (see lib/pagination/keyset), newest meeting first. */
export async function listRecords(actor: Actor, { cursor, pageSize = 30, countCap = RECORD_COUNT_CAP, ...filters }: RecordFilters & { cursor?: string | string[]; pageSize?: number; countCap?: number }): Promise<RecordList> {
  authorize(actor, 'records.read');
  const db = await getDb();
  const intervals = await loadLateEntryIntervals(db);
  const { branchIds, rest } = await recordWhere(db, actor, filters, intervals);
  const [page, counted] = await Promise.all([
    keysetPage({
      keyset: recordOrder,
      cursor,
      pageSize,
      rows: async (q) => {
        const branch = await branchCondition(db, branchIds, and(rest, q.where), q.orderBy, q.limit);
        return db
          .select({ ...listFields, ...cursorFields(recordOrder) })
          .from(activityRecords)
          .innerJoin(branches, eq(branches.id, activityRecords.branchId))
          .where(and(branch, rest, q.where))
          .orderBy(...q.orderBy)
          .limit(q.limit);
      },
    }),
    cappedCount(db, branchIds, rest, countCap),
  ]);
  const attendance = await attendanceOf(db, page.items.map((r) => r.id));
  const items = page.items.map((r) => ({
    ...r,
    lateDays: lateDays(r.heldOn, r.submittedOn, lateEntryDaysOn(intervals, r.heldOn)),
    ...(attendance.get(r.id) ?? { present: 0, expected: 0 }),
  }));
  return { ...page, items, count: cappedCountOf(counted, countCap) };
}

// ---------------------------------------------------------------- export

/** At most this many records go into one export, newest meeting first. */
export const RECORD_EXPORT_LIMIT = 50_000;


const host = alias(people, 'host');
const recorder = alias(people, 'recorder');
const speaker = alias(people, 'speaker');

type Position = { heldOn: string; id: number };

function exportBatch(db: Database, where: SQL | undefined, limit: number) {
  return db
    .select({
      ...listFields,
      startTime: activityRecords.startTime,
      endTime: activityRecords.endTime,
      place: activityRecords.place,
      firstAgendaStudied: activityRecords.firstAgendaStudied,
      firstAgendaTopic: activityRecords.firstAgendaTopic,
      host: host.name,
      recorder: recorder.name,
      speaker: sql<string | null>`coalesce(${speaker.name}, ${lecturers.name})`,
      submittedAt: activityRecords.submittedAt,
    })
    .from(activityRecords)
    .innerJoin(branches, eq(branches.id, activityRecords.branchId))
    .leftJoin(host, eq(host.id, activityRecords.hostPersonId))
    .leftJoin(recorder, eq(recorder.id, activityRecords.recorderPersonId))
    .leftJoin(speaker, eq(speaker.id, activityRecords.speakerPersonId))
    .leftJoin(lecturers, eq(lecturers.id, activityRecords.speakerLecturerId))
    .where(where)
    .orderBy(desc(activityRecords.heldOn), desc(activityRecords.id))
    .limit(limit);
}

/**
 * The filtered records for export, newest meeting first, in batches (keyset on held_on, id) so a
 * large export never sits in memory at once. Stops after `limit` rows.
 */
export async function* exportRecords(actor: Actor, filters: RecordFilters, { limit = RECORD_EXPORT_LIMIT, batchSize = 1000 } = {}): AsyncGenerator<RecordExportRow[]> {
  authorize(actor, 'records.read');
  const db = await getDb();
  const intervals = await loadLateEntryIntervals(db);
  const { branchIds, rest } = await recordWhere(db, actor, filters, intervals);
  const order = [desc(activityRecords.heldOn), desc(activityRecords.id)];
  let last: Position | null = null;
  let remaining = limit;
  while (remaining > 0) {
    const size = Math.min(batchSize, remaining);
    const after = last ? sql`(${activityRecords.heldOn}, ${activityRecords.id}) < (${last.heldOn}::date, ${last.id})` : undefined;
    const branch = await branchCondition(db, branchIds, and(rest, after), order, size);
    const batch = await exportBatch(db, and(branch, rest, after), size);
    if (batch.length === 0) return;
    const attendance = await attendanceOf(db, batch.map((r) => r.id));
    yield batch.map((r) => ({
      ...r,
      startTime: r.startTime?.slice(0, 5) ?? null,
      endTime: r.endTime?.slice(0, 5) ?? null,
      lateDays: lateDays(r.heldOn, r.submittedOn, lateEntryDaysOn(intervals, r.heldOn)),
      ...(attendance.get(r.id) ?? { present: 0, expected: 0 }),
    }));
    remaining -= batch.length;
    const end = batch.at(-1)!;
    last = { heldOn: end.heldOn, id: end.id };
    if (batch.length < batchSize) return;
  }
}
