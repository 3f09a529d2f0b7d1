import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { activityRecords, activityRecordVersions } from '@/db/schema/activities';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { uploadMedia } from '@/lib/media/commands';
import type { uploadMediaSchema } from '@/lib/media/schemas';
import { todayInBeijing } from '@/lib/calendar/days';
import {
  assertVersion,
  checkNode,
  checkPeople,
  checkPhotos,
  currentAttachments,
  droppedFiles,
  loadRecordForUpdate,
  lockedMessage,
  plannedAttachments,
  readUploads,
  recordFields,
  type RecordRow,
  snapshotOf,
  writeParts,
} from './record-writes';
import type { deleteDraftSchema, RecordInput } from './schemas';

// Writes on the record book. A draft is saved freely; submitting locks it (revision 1 and its
// version row, in one transaction); a submitted record changes only by a correction, which
// writes the next version row with its reason first, then the record and its parts. The
// triggers of migration 0007 refuse any other change in SQL as well.

/** `removedFiles`: stored files no row or version refers to any more, deleted after the commit. */
type Saved = { id: number; version: number; revision: number; removedFiles: string[] };

const auditable = (r: RecordRow) => ({
  branchId: r.branchId,
  kind: r.kind,
  heldOn: r.heldOn,
  topic: r.topic,
  status: r.status,
  revision: r.revision,
});

/** Checks and writes the input onto a draft (`current`) or a new draft; returns the row and what a snapshot needs. */
async function writeDraft(ctx: ActionContext, input: RecordInput, current?: RecordRow, bookedLecturerId: number | null = null) {
  const node = await checkNode(ctx, input);
  await checkPeople(ctx, input, node.id, current, bookedLecturerId);
  const photoAlts = await checkPhotos(ctx, input.photoMediaIds);
  let row: RecordRow;
  if (current) {
    [row] = (await ctx.tx
      .update(activityRecords)
      .set({ ...recordFields(input), version: sql`${activityRecords.version} + 1` })
      .where(eq(activityRecords.id, current.id))
      .returning()) as [RecordRow];
  } else {
    [row] = (await ctx.tx
      .insert(activityRecords)
      .values({ ...recordFields(input), status: 'draft', revision: 0, createdBy: ctx.user.id })
      .returning()) as [RecordRow];
  }
  const existing = current ? await currentAttachments(ctx.tx, row.id) : [];
  const plan = plannedAttachments(existing, input.removeAttachmentIds, await readUploads(String(row.id), input.newAttachments));
  await writeParts(ctx, row.id, input, plan);
  // A draft has no versions yet, so an attachment taken off it is referred to by nothing.
  return { row, node, photoAlts, plan, removedFiles: droppedFiles(existing, plan) };
}

async function loadDraft(ctx: ActionContext, input: { id: number | null; version: number | null }) {
  if (input.id === null) return undefined;
  const current = await loadRecordForUpdate(ctx, input.id);
  if (current.status !== 'draft') throw new AppError('conflict', lockedMessage);
  assertVersion(current, input.version);
  return current;
}

/** Creates a draft, or saves one. A submitted record is refused: it is corrected instead. */
export async function saveDraft(ctx: ActionContext, input: RecordInput): Promise<Saved> {
  const current = await loadDraft(ctx, input);
  const { row, removedFiles } = await writeDraft(ctx, input, current);
  await ctx.audit({ action: current ? 'record.update' : 'record.create', entityType: 'activity_record', entityId: row.id, before: current ? auditable(current) : undefined, after: auditable(row) });
  return { id: row.id, version: row.version, revision: row.revision, removedFiles };
}

/** Saves the form onto the draft (or a new one) and submits it: revision 1, locked from now on. */
export async function submitRecord(ctx: ActionContext, input: RecordInput): Promise<Saved> {
  const current = await loadDraft(ctx, input);
  const { after, removedFiles } = await writeSubmitted(ctx, input, current);
  await ctx.audit({ action: 'record.submit', entityType: 'activity_record', entityId: after.id, before: current ? auditable(current) : undefined, after: { ...auditable(after), submittedOn: after.submittedOn } });
  return { id: after.id, version: after.version, revision: after.revision, removedFiles };
}

/**
 * A new submitted 党课 for a delivered booking (四季送课), its lecturer as the speaker: the same
 * checks, version row, lock and `record.submit` audit row (naming the booking) as a record
 * submitted from the form, so the record's own trail starts there. The booking's audit row names it too.
 */
export async function submitBookedLecture(ctx: ActionContext, input: RecordInput & { id: null; speakerLecturerId: number }, bookingId: number): Promise<RecordRow> {
  const { after } = await writeSubmitted(ctx, input, undefined, input.speakerLecturerId);
  await ctx.audit({ action: 'record.submit', entityType: 'activity_record', entityId: after.id, after: { ...auditable(after), submittedOn: after.submittedOn, bookingId } });
  return after;
}

async function writeSubmitted(ctx: ActionContext, input: RecordInput, current: RecordRow | undefined, bookedLecturerId: number | null = null) {
  const { row, node, photoAlts, plan, removedFiles } = await writeDraft(ctx, input, current, bookedLecturerId);
  const content = await snapshotOf(ctx, input, node.name, photoAlts, plan);
  await ctx.tx.insert(activityRecordVersions).values({ recordId: row.id, revision: 1, content, reason: null, createdBy: ctx.user.id });
  const submittedOn = todayInBeijing();
  const [after] = (await ctx.tx
    .update(activityRecords)
    .set({ status: 'submitted', revision: 1, submittedAt: sql`now()`, submittedOn, submittedBy: ctx.user.id, version: sql`${activityRecords.version} + 1` })
    .where(eq(activityRecords.id, row.id))
    .returning()) as [RecordRow];
  return { after, removedFiles };
}

/**
 * A correction of a submitted record: the next version (content and reason) is written first,
 * then the record and its parts, all in this transaction. Submission day and author stay.
 */
export async function correctRecord(ctx: ActionContext, input: RecordInput): Promise<Saved> {
  if (input.id === null) throw new AppError('invalid', '缺少记录编号，请刷新页面后重试。');
  const current = await loadRecordForUpdate(ctx, input.id);
  if (current.status === 'draft') throw new AppError('conflict', '该记录还是草稿，请直接保存或提交，无需更正。');
  assertVersion(current, input.version);
  const node = await checkNode(ctx, input);
  await checkPeople(ctx, input, node.id, current);
  const photoAlts = await checkPhotos(ctx, input.photoMediaIds);
  const plan = plannedAttachments(await currentAttachments(ctx.tx, current.id), input.removeAttachmentIds, await readUploads(String(current.id), input.newAttachments));
  const content = await snapshotOf(ctx, input, node.name, photoAlts, plan);
  const revision = current.revision + 1;
  await ctx.tx.insert(activityRecordVersions).values({ recordId: current.id, revision, content, reason: input.reason, createdBy: ctx.user.id });
  const [after] = (await ctx.tx
    .update(activityRecords)
    .set({ ...recordFields(input), revision, version: sql`${activityRecords.version} + 1` })
    .where(eq(activityRecords.id, current.id))
    .returning()) as [RecordRow];
  await writeParts(ctx, current.id, input, plan);
  await ctx.audit({ action: 'record.correct', entityType: 'activity_record', entityId: current.id, before: auditable(current), after: { ...auditable(after), reason: input.reason } });
  // The versions before this one still name the attachments it drops: their files stay.
  return { id: after.id, version: after.version, revision, removedFiles: [] };
}

/** Deletes a draft with its parts. A submitted record is evidence and is never deleted. */
export async function deleteDraft(ctx: ActionContext, input: z.infer<typeof deleteDraftSchema>) {
  const current = await loadRecordForUpdate(ctx, input.id);
  if (current.status !== 'draft') throw new AppError('conflict', '已提交的记录是组织生活的凭据，不能删除。');
  assertVersion(current, input.version);
  const attachments = await currentAttachments(ctx.tx, current.id);
  await ctx.tx.delete(activityRecords).where(eq(activityRecords.id, current.id));
  await ctx.audit({ action: 'record.delete', entityType: 'activity_record', entityId: current.id, before: auditable(current) });
  return { id: current.id, removedFiles: attachments.map((a) => a.storageKey) };
}

/** A photo for a record, uploaded into the media library (the library's own checks and audit row). */
export async function uploadRecordPhoto(ctx: ActionContext, input: z.infer<typeof uploadMediaSchema>) {
  return uploadMedia(ctx, input);
}
