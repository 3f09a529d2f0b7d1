import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { activityAttendees, activityRecordAttachments, activityRecordPhotos, activityRecords, activityRecordVersions } from '@/db/schema/activities';
import { branches } from '@/db/schema/branches';
import { lecturers } from '@/db/schema/lectures';
import { media } from '@/db/schema/media';
import { people } from '@/db/schema/people';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { branchPath } from '@/lib/branches/queries';
import { branchOptions } from '@/lib/branches/tree';
import { todayInBeijing } from '@/lib/calendar/days';
import { type MediaPage, type MediaSearch, readMediaLibrary } from '@/lib/media/queries';
import { mediaUrl, thumbnailOf } from '@/lib/media/urls';
import { isRecordDay } from './dates';
import { lateDays, lateEntryDaysOn } from './late-entry';
import { minutesDoc } from './minutes';
import { nodeMembers, peopleNames } from './roster';
import { scopeIds } from './scope';
import { diffVersions, readSnapshot } from './snapshot';
import { loadLateEntryIntervals } from './thresholds';
import type { AttendanceEntry, RecordDetail, RecordNodeOption, RecordVersion, RosterPerson } from './types';

// Reads of one record and what the record form needs (nodes, roster, photo choices); the list
// and its export are list.ts. Each checks the caller's permission itself and keeps a
// branch-scoped caller (a secretary) inside their own subtree.

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
  const [speakerLecturer] = r.speakerLecturerId === null ? [] : await db.select({ id: lecturers.id, name: lecturers.name }).from(lecturers).where(eq(lecturers.id, r.speakerLecturerId));
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
    speakerLecturer: speakerLecturer ?? null,
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
