import 'server-only';
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { activityAttendees, activityRecordAttachments, activityRecordPhotos, activityRecords } from '@/db/schema/activities';
import { branches } from '@/db/schema/branches';
import { lecturers } from '@/db/schema/lectures';
import { media } from '@/db/schema/media';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import { attachmentFileName } from '@/lib/media/file-name';
import { attachmentLimit } from '@/lib/media/limits';
import { sniffAttachment } from '@/lib/media/sniff';
import { contentKey, getStorage } from '@/lib/media/storage';
import { attendanceField } from './attendance';
import { nodeMembers, peopleNames } from './roster';
import type { RecordInput } from './schemas';
import type { RecordSnapshot } from './snapshot';

// The parts of a record's write that saving, submitting and correcting share: the checks that
// need the database, and writing the fields and the attendance, photos and attachments.

export type RecordRow = typeof activityRecords.$inferSelect;
type Tx = ActionContext['tx'];

export const lockedMessage = '该记录已提交，已锁定，不能直接修改；如需更改，请使用“更正”，并填写更正原因。';
export const staleMessage = '该记录已被他人修改，您的内容未保存（仍在表单中）。请在新窗口打开该记录核对后再提交。';

/** The record, locked for this transaction, after the scope check: another branch's record is a 403. */
export async function loadRecordForUpdate(ctx: ActionContext, id: number): Promise<RecordRow> {
  const [row] = await ctx.tx.select().from(activityRecords).where(eq(activityRecords.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该记录不存在或已被删除。');
  ctx.authorizeTarget({ branchId: row.branchId });
  return row;
}

export function assertVersion(row: RecordRow, version: number | null) {
  if (version !== row.version) throw new AppError('conflict', staleMessage, undefined, { conflict: 'version', currentVersion: String(row.version) });
}

/** The node of the record, in the actor's scope, and the held-on day within its life. */
export async function checkNode(ctx: ActionContext, input: RecordInput) {
  const [node] = await ctx.tx
    .select({ id: branches.id, name: branches.name, kind: branches.kind, establishedOn: branches.establishedOn, dissolvedOn: branches.dissolvedOn })
    .from(branches)
    .where(eq(branches.id, input.branchId));
  if (!node) throw new AppError('invalid', '所选组织不存在，请重新选择。', 'branchId');
  ctx.authorizeTarget({ branchId: node.id });
  if (node.kind === 'work_committee') throw new AppError('invalid', '请选择具体的党组织（机关党委、党总支、党支部或党小组）。', 'branchId');
  // A dissolved node keeps its records and may still receive one held before it was dissolved.
  if (node.dissolvedOn && input.heldOn > node.dissolvedOn) {
    throw new AppError('invalid', `该组织已于 ${node.dissolvedOn} 撤销，活动日期不能晚于撤销日期。`, 'heldOn');
  }
  if (node.establishedOn && input.heldOn < node.establishedOn) {
    throw new AppError('invalid', `活动日期不能早于该组织的成立日期（${node.establishedOn}）。`, 'heldOn');
  }
  if (input.kind === 'group_meeting' && node.kind !== 'party_group') {
    throw new AppError('invalid', '党小组会请登记在相应的党小组下。', 'branchId');
  }
  return node;
}

/**
 * Everyone named on the record is a member of its node. People already on the record stay
 * allowed (a correction of an old meeting may name someone who has since transferred out).
 */
export async function checkPeople(ctx: ActionContext, input: RecordInput, nodeId: number, current?: RecordRow, bookedLecturerId: number | null = null) {
  // Only a booking's delivery names a lecturer; the form carries the record's own unchanged.
  if (input.speakerLecturerId !== null && input.speakerLecturerId !== (current?.speakerLecturerId ?? bookedLecturerId)) {
    throw new AppError('invalid', '授课讲师由送课预约确定，不能在记录中更改。', 'speakerPersonId');
  }
  const members = await nodeMembers(ctx.tx, nodeId, input.heldOn);
  const allowed = new Set(members.map((m) => m.id));
  if (current && current.branchId === nodeId) {
    const before = await ctx.tx.select({ personId: activityAttendees.personId }).from(activityAttendees).where(eq(activityAttendees.recordId, current.id));
    for (const p of before) allowed.add(p.personId);
    for (const id of [current.hostPersonId, current.recorderPersonId, current.speakerPersonId]) if (id) allowed.add(id);
  }
  const strangers = input.attendees.filter((a) => !allowed.has(a.personId));
  if (strangers.length > 0) {
    const names = await peopleNames(ctx.tx, strangers.map((s) => s.personId));
    const named = strangers.map((s) => names.get(s.personId) ?? `编号 ${s.personId}`).join('、');
    throw new AppError('invalid', `${named} 不是本组织的党员，不能登记在本次活动的出勤中。`, strangers.length === 1 ? attendanceField(strangers[0]!.personId) : 'attendance');
  }
  for (const [field, id, label] of [
    ['hostPersonId', input.hostPersonId, '主持人'],
    ['recorderPersonId', input.recorderPersonId, '记录人'],
    ['speakerPersonId', input.speakerPersonId, '授课人'],
  ] as const) {
    if (id !== null && !allowed.has(id)) throw new AppError('invalid', `${label}须从本组织的党员中选择。`, field);
  }
}

export async function checkPhotos(ctx: ActionContext, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx.select({ id: media.id, alt: media.altText }).from(media).where(inArray(media.id, ids));
  if (rows.length !== ids.length) throw new AppError('invalid', '所选照片已从媒体库删除，请重新选择。', 'photoIds');
  return new Map(rows.map((r) => [r.id, r.alt]));
}

export type NewAttachment = { storageKey: string; name: string; kind: 'pdf' | 'docx' | 'xlsx'; data: Uint8Array };

/** Reads and identifies each upload by its content, refusing what is not what it claims. */
export async function readUploads(recordKey: string, files: File[]): Promise<NewAttachment[]> {
  const out: NewAttachment[] = [];
  for (const file of files) {
    if (file.size > attachmentLimit.maxBytes) throw new AppError('invalid', `“${file.name}”过大：${attachmentLimit.message}`, 'newAttachment');
    const data = new Uint8Array(await file.arrayBuffer());
    const kind = sniffAttachment(data);
    if (!kind) {
      throw new AppError('invalid', `“${file.name}”不是完整的 PDF、Word（.docx）或 Excel（.xlsx）文件（按文件内容识别，与文件名无关），未上传。`, 'newAttachment');
    }
    out.push({ storageKey: contentKey(`records/${recordKey}`, data, kind), name: attachmentFileName(file.name, kind), kind, data });
  }
  return out;
}

export async function currentAttachments(tx: Tx, recordId: number) {
  return tx.select().from(activityRecordAttachments).where(eq(activityRecordAttachments.recordId, recordId)).orderBy(asc(activityRecordAttachments.sortOrder), asc(activityRecordAttachments.id));
}

/** The attachments the record will hold: the kept ones, then the new ones (none twice). */
export type AttachmentPlan = { kept: (typeof activityRecordAttachments.$inferSelect)[]; added: NewAttachment[] };

export function plannedAttachments(existing: (typeof activityRecordAttachments.$inferSelect)[], removeIds: number[], uploads: NewAttachment[]): AttachmentPlan {
  const unknown = removeIds.filter((id) => !existing.some((a) => a.id === id));
  if (unknown.length > 0) throw new AppError('invalid', '要删除的附件不属于该记录，请刷新页面后重试。', 'newAttachment');
  const kept = existing.filter((a) => !removeIds.includes(a.id));
  const keys = new Set(kept.map((a) => a.storageKey));
  for (const u of uploads) {
    if (keys.has(u.storageKey)) throw new AppError('conflict', `记录中已有内容相同的附件，“${u.name}”未重复上传。`, 'newAttachment');
    keys.add(u.storageKey);
  }
  return { kept, added: uploads };
}

/** The stored files of attachments the plan drops (a new upload of the same content keeps its file). */
export function droppedFiles(existing: (typeof activityRecordAttachments.$inferSelect)[], plan: AttachmentPlan): string[] {
  const still = new Set([...plan.kept.map((a) => a.storageKey), ...plan.added.map((u) => u.storageKey)]);
  return existing.filter((a) => !still.has(a.storageKey)).map((a) => a.storageKey);
}

export const recordFields = (input: RecordInput) => ({
  branchId: input.branchId,
  kind: input.kind,
  heldOn: input.heldOn,
  startTime: input.startTime,
  endTime: input.endTime,
  place: input.place,
  topic: input.topic,
  firstAgendaStudied: input.firstAgendaStudied,
  firstAgendaTopic: input.firstAgendaTopic,
  hostPersonId: input.hostPersonId,
  recorderPersonId: input.recorderPersonId,
  speakerPersonId: input.speakerPersonId,
  speakerLecturerId: input.speakerLecturerId,
  minutes: input.minutes,
});

/** Replaces the record's attendance, photos and attachments with the input's. */
export async function writeParts(ctx: ActionContext, recordId: number, input: RecordInput, plan: AttachmentPlan) {
  await ctx.tx.delete(activityAttendees).where(eq(activityAttendees.recordId, recordId));
  if (input.attendees.length > 0) {
    await ctx.tx.insert(activityAttendees).values(input.attendees.map((a) => ({ recordId, ...a })));
  }
  await ctx.tx.delete(activityRecordPhotos).where(eq(activityRecordPhotos.recordId, recordId));
  if (input.photoMediaIds.length > 0) {
    await ctx.tx.insert(activityRecordPhotos).values(input.photoMediaIds.map((mediaId, sortOrder) => ({ recordId, mediaId, sortOrder })));
  }
  const keptIds = plan.kept.map((a) => a.id);
  await ctx.tx
    .delete(activityRecordAttachments)
    .where(and(eq(activityRecordAttachments.recordId, recordId), keptIds.length ? notInArray(activityRecordAttachments.id, keptIds) : undefined));
  if (plan.added.length > 0) {
    const storage = getStorage();
    for (const u of plan.added) await storage.put(u.storageKey, u.data);
    const base = plan.kept.reduce((n, a) => Math.max(n, a.sortOrder + 1), 0);
    await ctx.tx.insert(activityRecordAttachments).values(
      plan.added.map((u, i) => ({ recordId, storageKey: u.storageKey, originalName: u.name, kind: u.kind, byteSize: u.data.byteLength, sortOrder: base + i, createdBy: ctx.user.id })),
    );
  }
}

/** The version content of the record as the input will leave it. */
export async function snapshotOf(
  ctx: ActionContext,
  input: RecordInput,
  nodeName: string,
  photoAlts: Map<number, string>,
  plan: AttachmentPlan,
): Promise<RecordSnapshot> {
  const ids = [...input.attendees.map((a) => a.personId), input.hostPersonId, input.recorderPersonId, input.speakerPersonId].filter((v): v is number => v !== null);
  const names = await peopleNames(ctx.tx, [...new Set(ids)]);
  const person = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? `编号 ${id}` });
  const [lecturer] = input.speakerLecturerId === null ? [] : await ctx.tx.select({ id: lecturers.id, name: lecturers.name }).from(lecturers).where(eq(lecturers.id, input.speakerLecturerId));
  return {
    branchId: input.branchId,
    branchName: nodeName,
    kind: input.kind,
    heldOn: input.heldOn,
    startTime: input.startTime,
    endTime: input.endTime,
    place: input.place,
    topic: input.topic,
    firstAgendaStudied: input.firstAgendaStudied,
    firstAgendaTopic: input.firstAgendaTopic,
    host: person(input.hostPersonId),
    recorder: person(input.recorderPersonId),
    speaker: person(input.speakerPersonId),
    speakerLecturer: lecturer ?? null,
    minutes: input.minutes,
    attendees: input.attendees.map((a) => ({ ...a, name: names.get(a.personId) ?? `编号 ${a.personId}` })),
    photos: input.photoMediaIds.map((mediaId) => ({ mediaId, alt: photoAlts.get(mediaId) ?? '' })),
    attachments: [
      ...plan.kept.map((a) => ({ key: a.storageKey, name: a.originalName, kind: a.kind, byteSize: a.byteSize })),
      ...plan.added.map((u) => ({ key: u.storageKey, name: u.name, kind: u.kind, byteSize: u.data.byteLength })),
    ],
  };
}
