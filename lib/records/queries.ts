import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { selectRows } from '@/db/rows';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { activityAttendees, activityRecordAttachments, activityRecordPhotos, activityRecords, activityRecordVersions } from '@/db/schema/activities';
import { branches, branchRuleSets } from '@/db/schema/branches';
import { media } from '@/db/schema/media';
import { people } from '@/db/schema/people';
import { type Action, type Actor, authorize, scopeOf } from '@/lib/auth/permissions';
import { branchPath, branchSubtree } from '@/lib/branches/queries';
import { branchOptions } from '@/lib/branches/tree';
import { todayInBeijing } from '@/lib/calendar/days';
import { type MediaPage, type MediaSearch, readMediaLibrary } from '@/lib/media/queries';
import { mediaUrl, thumbnailOf } from '@/lib/media/urls';
import { cursorFields, keyset, type KeysetPage, keysetPage, type SortKey } from '@/lib/pagination/keyset';
import { type CappedCount, cappedCountOf, countOf } from '@/lib/pagination/offset';
import { isRecordDay } from './dates';
import { heldOnRange, type RecordFilters } from './filters';
import { type LateEntryInterval, lateDays, lateEntryDaysOf, lateEntryDaysOn, lateEntryIntervals } from './late-entry';
import { minutesDoc } from './minutes';
import { nodeMembers, peopleNames } from './roster';
import { diffVersions, readSnapshot } from './snapshot';
import type { AttendanceEntry, RecordDetail, RecordListItem, RecordNodeOption, RecordVersion, RosterPerson } from './types';

// Reads of the record book. Each checks the caller's permission itself and keeps a
// branch-scoped caller (a secretary) inside their own subtree. The list pages by keyset on
// (held_on, id), newest meeting first, over the indexes of activity_records.

/** The ids a branch-scoped actor may see for `action`, or null when the actor sees every branch. */
function scopeIds(actor: Actor, action: Action): readonly number[] | null {
  return scopeOf(actor.role, action) === 'branch' ? (actor.branchScope ?? []) : null;
}

// ---------------------------------------------------------------- nodes and roster

/**
 * The nodes the actor may choose, in tree order with indented labels: for writing, only nodes
 * that take records (not the work committee, not dissolved, except `include`, the record's own).
 */
export async function listRecordNodes(actor: Actor, { purpose, include }: { purpose: 'read' | 'write'; include?: number }): Promise<RecordNodeOption[]> {
  const action = purpose === 'write' ? 'records.write' : 'records.read';
  authorize(actor, action);
  const db = await getDb();
  const scope = scopeIds(actor, action);
  const rows = await db
    .select({ id: branches.id, parentId: branches.parentId, name: branches.name, kind: branches.kind, establishedOn: branches.establishedOn, dissolvedOn: branches.dissolvedOn })
    .from(branches)
    .where(scope ? inArray(branches.id, scope.length ? [...scope] : [0]) : undefined)
    .orderBy(asc(branches.sortOrder), asc(branches.id));
  const ids = new Set(rows.map((r) => r.id));
  // The top of a secretary's subtree has its parent outside the scope: it is placed at the root.
  const placed = rows.map((r) => ({ ...r, parentId: r.parentId !== null && ids.has(r.parentId) ? r.parentId : null }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return branchOptions(placed)
    .map((o) => ({ ...byId.get(o.id)!, label: o.label }))
    .filter((n) => purpose === 'read' || n.id === include || (n.kind !== 'work_committee' && !n.dissolvedOn))
    .map(({ id, label, kind, establishedOn, dissolvedOn }) => ({ id, label, kind, establishedOn, dissolvedOn }));
}

/** The members of a node the actor may write records for: the grid's rows and the people to choose from. */
export async function getNodeRoster(actor: Actor, branchId: number, onDay: string): Promise<RosterPerson[]> {
  authorize(actor, 'records.write', { branchId });
  return nodeMembers(await getDb(), branchId, isRecordDay(onDay) ? onDay : todayInBeijing());
}

// ---------------------------------------------------------------- late entry

/** The late-entry thresholds of every rule set, by the span of held_on days each governs. */
export async function loadLateEntryIntervals(db: Database): Promise<LateEntryInterval[]> {
  const rows = await db.select({ effectiveFrom: branchRuleSets.effectiveFrom, lateEntryDays: sql<unknown>`${branchRuleSets.rules} -> 'lateEntryDays'` }).from(branchRuleSets);
  return lateEntryIntervals(rows.map((r) => ({ effectiveFrom: r.effectiveFrom, lateEntryDays: lateEntryDaysOf({ lateEntryDays: r.lateEntryDays }) })));
}

/** Submitted more than the threshold in force on held_on after it: one comparison per rule set, no per-row lookup. */
function lateCondition(intervals: LateEntryInterval[]): SQL {
  if (intervals.length === 0) return sql`false`;
  const spans = intervals.map(
    (i) =>
      sql`(${activityRecords.heldOn} >= ${i.from} and ${i.until ? sql`${activityRecords.heldOn} < ${i.until}` : sql`true`} and ${activityRecords.submittedOn} - ${activityRecords.heldOn} > ${i.days})`,
  );
  return and(ne(activityRecords.status, 'draft'), or(...spans))!;
}

// ---------------------------------------------------------------- the list

/** held_on as the cursor keeps it: the calendar day, exact. */
const heldOnKey: SortKey<string> = {
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

export type RecordExportRow = RecordListItem & {
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  firstAgendaStudied: boolean;
  firstAgendaTopic: string | null;
  host: string | null;
  recorder: string | null;
  speaker: string | null;
  submittedAt: Date | null;
};

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
      speaker: speaker.name,
      submittedAt: activityRecords.submittedAt,
    })
    .from(activityRecords)
    .innerJoin(branches, eq(branches.id, activityRecords.branchId))
    .leftJoin(host, eq(host.id, activityRecords.hostPersonId))
    .leftJoin(recorder, eq(recorder.id, activityRecords.recorderPersonId))
    .leftJoin(speaker, eq(speaker.id, activityRecords.speakerPersonId))
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

// ---------------------------------------------------------------- one record

async function loadRecord(db: Database, id: number): Promise<RecordDetail | null> {
  const [row] = await db
    .select({ record: activityRecords, branchName: branches.name, submittedByName: users.displayName })
    .from(activityRecords)
    .innerJoin(branches, eq(branches.id, activityRecords.branchId))
    .leftJoin(users, eq(users.id, activityRecords.submittedBy))
    .where(eq(activityRecords.id, id))
    .limit(1);
  if (!row) return null;
  const r = row.record;
  const [attendees, photos, attachments, path, intervals] = await Promise.all([
    db
      .select({ personId: activityAttendees.personId, name: people.name, attendance: activityAttendees.attendance, absenceReason: activityAttendees.absenceReason, absenceNote: activityAttendees.absenceNote })
      .from(activityAttendees)
      .innerJoin(people, eq(people.id, activityAttendees.personId))
      .where(eq(activityAttendees.recordId, id))
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({ mediaId: media.id, storageKey: media.storageKey, variants: media.variants, alt: media.altText })
      .from(activityRecordPhotos)
      .innerJoin(media, eq(media.id, activityRecordPhotos.mediaId))
      .where(eq(activityRecordPhotos.recordId, id))
      .orderBy(asc(activityRecordPhotos.sortOrder), asc(activityRecordPhotos.id)),
    db
      .select({ id: activityRecordAttachments.id, name: activityRecordAttachments.originalName, kind: activityRecordAttachments.kind, byteSize: activityRecordAttachments.byteSize })
      .from(activityRecordAttachments)
      .where(eq(activityRecordAttachments.recordId, id))
      .orderBy(asc(activityRecordAttachments.sortOrder), asc(activityRecordAttachments.id)),
    branchPath(db, r.branchId),
    loadLateEntryIntervals(db),
  ]);
  const names = await peopleNames(db, [r.hostPersonId, r.recorderPersonId, r.speakerPersonId].filter((v): v is number => v !== null));
  const person = (pid: number | null) => (pid === null ? null : { id: pid, name: names.get(pid) ?? `编号 ${pid}` });
  const threshold = lateEntryDaysOn(intervals, r.heldOn);
  return {
    id: r.id,
    branchId: r.branchId,
    branchName: row.branchName,
    branchPath: path.map((n) => n.name),
    kind: r.kind,
    heldOn: r.heldOn,
    startTime: r.startTime?.slice(0, 5) ?? null,
    endTime: r.endTime?.slice(0, 5) ?? null,
    place: r.place,
    topic: r.topic,
    firstAgendaStudied: r.firstAgendaStudied,
    firstAgendaTopic: r.firstAgendaTopic,
    host: person(r.hostPersonId),
    recorder: person(r.recorderPersonId),
    speaker: person(r.speakerPersonId),
    minutes: minutesDoc(r.minutes),
    hasMinutes: r.minutes.trim() !== '',
    status: r.status,
    revision: r.revision,
    version: r.version,
    submittedAt: r.submittedAt,
    submittedOn: r.submittedOn,
    submittedByName: row.submittedByName,
    reviewedAt: r.reviewedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    lateEntryDays: threshold,
    lateDays: lateDays(r.heldOn, r.submittedOn, threshold),
    attendees: attendees as (AttendanceEntry & { name: string })[],
    photos: photos.map((p) => ({ mediaId: p.mediaId, url: mediaUrl(p.storageKey), thumbUrl: thumbnailOf(p, p.variants), alt: p.alt })),
    attachments: attachments.map((a) => ({ ...a, url: `/admin/records/${r.id}/attachments/${a.id}` })),
  };
}

/** One record with its parts, for whoever may read its branch; null when there is none. Throws 403 outside the scope. */
export async function getRecord(actor: Actor, id: number, { purpose = 'read' }: { purpose?: 'read' | 'write' } = {}) {
  authorize(actor, purpose === 'write' ? 'records.write' : 'records.read');
  const db = await getDb();
  const record = await loadRecord(db, id);
  if (!record) return null;
  authorize(actor, purpose === 'write' ? 'records.write' : 'records.read', { branchId: record.branchId });
  return record;
}

/** The record's versions, oldest first, each with its diff from the one before. */
export async function listRecordVersions(actor: Actor, recordId: number): Promise<RecordVersion[]> {
  authorize(actor, 'records.read');
  const db = await getDb();
  const [record] = await db.select({ branchId: activityRecords.branchId }).from(activityRecords).where(eq(activityRecords.id, recordId));
  if (!record) return [];
  authorize(actor, 'records.read', { branchId: record.branchId });
  const rows = await db
    .select({ revision: activityRecordVersions.revision, content: activityRecordVersions.content, reason: activityRecordVersions.reason, createdAt: activityRecordVersions.createdAt, createdByName: users.displayName })
    .from(activityRecordVersions)
    .leftJoin(users, eq(users.id, activityRecordVersions.createdBy))
    .where(eq(activityRecordVersions.recordId, recordId))
    .orderBy(asc(activityRecordVersions.revision));
  // Versions written by the demo seed name people by id only.
  const ids = new Set<number>();
  const branchIds = new Set<number>();
  for (const { content } of rows) {
    const c = content as { hostPersonId?: number; recorderPersonId?: number; speakerPersonId?: number; attendance?: { personId: number }[]; branchId?: number };
    for (const v of [c.hostPersonId, c.recorderPersonId, c.speakerPersonId]) if (typeof v === 'number') ids.add(v);
    for (const a of c.attendance ?? []) ids.add(a.personId);
    if (typeof c.branchId === 'number') branchIds.add(c.branchId);
  }
  const names = await peopleNames(db, [...ids]);
  const branchNames = branchIds.size
    ? new Map((await db.select({ id: branches.id, name: branches.name }).from(branches).where(inArray(branches.id, [...branchIds]))).map((b) => [b.id, b.name]))
    : new Map<number, string>();
  const lookup = { person: (id: number) => names.get(id) ?? `编号 ${id}`, branch: (id: number) => branchNames.get(id) ?? `编号 ${id}` };
  const snapshots = rows.map((r) => readSnapshot(r.content, lookup));
  return rows.map((r, i) => ({
    revision: r.revision,
    reason: r.reason,
    createdAt: r.createdAt,
    createdByName: r.createdByName,
    snapshot: snapshots[i]!,
    diff: i > 0 ? diffVersions(snapshots[i - 1]!, snapshots[i]!) : null,
  }));
}

/** An attachment of a record, for download by whoever may read the record; null when there is none. */
export async function findRecordAttachment(actor: Actor, recordId: number, attachmentId: number) {
  authorize(actor, 'records.read');
  const db = await getDb();
  const [row] = await db
    .select({ storageKey: activityRecordAttachments.storageKey, name: activityRecordAttachments.originalName, kind: activityRecordAttachments.kind, branchId: activityRecords.branchId })
    .from(activityRecordAttachments)
    .innerJoin(activityRecords, eq(activityRecords.id, activityRecordAttachments.recordId))
    .where(and(eq(activityRecordAttachments.id, attachmentId), eq(activityRecordAttachments.recordId, recordId)))
    .limit(1);
  if (!row) return null;
  authorize(actor, 'records.read', { branchId: row.branchId });
  return row;
}

// ---------------------------------------------------------------- photos

/** Library images to choose a record's photos from, newest first, searched by name, alt text and caption. */
export async function listPhotoChoices(actor: Actor, search: MediaSearch): Promise<MediaPage> {
  authorize(actor, 'records.write');
  return readMediaLibrary({ pageSize: 12, ...search });
}
