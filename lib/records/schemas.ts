import { z } from 'zod';
import { BodyError, isBlankDoc, parseBody } from '@/lib/articles/body';
import { todayInBeijing } from '@/lib/calendar/days';
import { parseAttendanceGrid } from './attendance';
import { isRecordDay } from './dates';
import { ACTIVITY_KINDS, type ActivityKind, type AttendanceEntry } from './types';

// The record form, read by the three actions that take it: save a draft, submit, correct.
// One base check of every field; submitting and correcting add the completeness rules a
// record must meet before it is locked. Rules that need the database (the node's founding
// day, its roster, scope) are the commands'.

export const PLACE_MAX = 100;
export const TOPIC_MAX = 200;
export const REASON_MAX = 500;
export const MAX_NEW_ATTACHMENTS = 5;
export const MAX_PHOTOS = 20;

export type RecordInput = {
  id: number | null;
  version: number | null;
  branchId: number;
  kind: ActivityKind;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  topic: string | null;
  firstAgendaStudied: boolean;
  firstAgendaTopic: string | null;
  hostPersonId: number | null;
  recorderPersonId: number | null;
  speakerPersonId: number | null;
  /** A lecturer (四季送课) as the speaker: set by a booking's delivery, carried unchanged by the form. */
  speakerLecturerId: number | null;
  minutes: string;
  attendees: AttendanceEntry[];
  photoMediaIds: number[];
  removeAttachmentIds: number[];
  newAttachments: File[];
  reason: string | null;
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;
const ID = /^[1-9]\d{0,8}$/;

// Duck-typed rather than instanceof: the File a server action receives may come from another realm.
const isFile = (v: unknown): v is File =>
  typeof v === 'object' && v !== null && typeof (v as File).arrayBuffer === 'function' && typeof (v as File).name === 'string' && typeof (v as File).size === 'number';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const optionalId = (v: unknown) => (ID.test(str(v)) ? Number(str(v)) : null);

type Issue = (path: string, message: string) => void;

function readMinutes(raw: unknown, issue: Issue): string {
  const text = str(raw);
  if (!text) return '';
  try {
    const doc = parseBody(text);
    return isBlankDoc(doc) ? '' : JSON.stringify(doc);
  } catch (error) {
    issue('minutesJson', error instanceof BodyError ? error.message.replace('正文', '会议记录') : '会议记录格式无法识别，请刷新页面后重试。');
    return '';
  }
}

function readIdList(raw: unknown, field: string, max: number, issue: Issue): number[] {
  const parts = str(raw)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => !ID.test(p))) issue(field, '所选内容无效，请重新选择。');
  const ids = [...new Set(parts.filter((p) => ID.test(p)).map(Number))];
  if (ids.length > max) issue(field, `最多选择 ${max} 项。`);
  return ids;
}

/** Everything the form sends, checked field by field; `mode` adds completeness for submitting. */
function readRecord(values: Record<string, unknown>, mode: 'draft' | 'submit' | 'correct', issue: Issue, today: string): RecordInput {
  const id = optionalId(values.id);
  const version = optionalId(values.version);
  if (mode === 'correct' && (id === null || version === null)) issue('form', '缺少记录编号或版本号，请刷新页面后重试。');
  if (str(values.id) && id === null) issue('form', '记录编号无效，请刷新页面后重试。');
  if (id !== null && version === null) issue('form', '缺少版本号，请刷新页面后重试。');

  const branchId = optionalId(values.branchId);
  if (branchId === null) issue('branchId', '请选择所属组织。');
  const kind = str(values.kind) as ActivityKind;
  if (!(ACTIVITY_KINDS as readonly string[]).includes(kind)) issue('kind', '请选择活动类型。');

  const heldOn = str(values.heldOn);
  if (!heldOn) issue('heldOn', '请填写活动日期。');
  else if (!isRecordDay(heldOn)) issue('heldOn', '请填写有效的日期，例如 2026-03-18。');
  else if (heldOn > today) issue('heldOn', `活动日期不能晚于今天（${today}）：记录的是已经开展的活动。`);

  const time = (field: 'startTime' | 'endTime', label: string) => {
    const v = str(values[field]);
    if (!v) return null;
    const m = TIME.exec(v);
    if (!m) {
      issue(field, `请填写有效的${label}，例如 14:30。`);
      return null;
    }
    return `${m[1]}:${m[2]}`;
  };
  const startTime = time('startTime', '开始时间');
  const endTime = time('endTime', '结束时间');
  if (startTime && endTime && endTime <= startTime) issue('endTime', '结束时间须晚于开始时间。');

  const text = (field: string, label: string, max: number) => {
    const v = str(values[field]);
    if (v.length > max) issue(field, `${label}不能超过 ${max} 个字符。`);
    return v || null;
  };
  const place = text('place', '地点', PLACE_MAX);
  const topic = text('topic', '主题', TOPIC_MAX);
  const firstAgendaStudied = values.firstAgendaStudied === 'on' || values.firstAgendaStudied === 'true';
  const firstAgendaTopic = firstAgendaStudied ? text('firstAgendaTopic', '第一议题学习内容', TOPIC_MAX) : null;

  const person = (field: string) => {
    const raw = str(values[field]);
    const v = optionalId(raw);
    if (raw && v === null) issue(field, '所选人员无效，请重新选择。');
    return v;
  };
  const hostPersonId = person('hostPersonId');
  const recorderPersonId = person('recorderPersonId');
  const speakerLecturerId = kind === 'party_lecture' ? person('speakerLecturerId') : null;
  // A booked lecturer is the speaker; no roster person is named beside them.
  const speakerPersonId = kind === 'party_lecture' && speakerLecturerId === null ? person('speakerPersonId') : null;

  const minutes = readMinutes(values.minutesJson, issue);
  const grid = parseAttendanceGrid(values);
  for (const [field, message] of Object.entries(grid.errors)) issue(field, message);
  const photoMediaIds = readIdList(values.photoIds, 'photoIds', MAX_PHOTOS, issue);
  const removeAttachmentIds = Object.keys(values)
    .map((k) => /^removeAttachment_([1-9]\d{0,8})$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null && str(values[m[0]]) === 'on')
    .map((m) => Number(m[1]));
  const newAttachments = Object.keys(values)
    .filter((k) => /^newAttachment_\d{1,2}$/.test(k))
    .sort()
    .map((k) => values[k])
    .filter((f): f is File => isFile(f) && f.size > 0);
  if (newAttachments.length > MAX_NEW_ATTACHMENTS) issue('newAttachment', `一次最多上传 ${MAX_NEW_ATTACHMENTS} 个附件。`);

  const reason = str(values.reason) || null;
  if (mode === 'correct') {
    if (!reason || reason.length < 2) issue('reason', '请填写更正原因（至少 2 个字），它将与旧版本一并保留。');
    else if (reason.length > REASON_MAX) issue('reason', `更正原因不能超过 ${REASON_MAX} 个字符。`);
  }

  if (mode !== 'draft') {
    if (!place) issue('place', '提交前请填写地点。');
    if (!topic) issue('topic', '提交前请填写主题。');
    if (hostPersonId === null) issue('hostPersonId', '提交前请选择主持人。');
    if (recorderPersonId === null) issue('recorderPersonId', '提交前请选择记录人。');
    if (kind === 'party_lecture' && speakerPersonId === null && speakerLecturerId === null) issue('speakerPersonId', '党课须选择授课人。');
    if (firstAgendaStudied && !firstAgendaTopic) issue('firstAgendaTopic', '请填写第一议题学习的内容。');
    if (!grid.entries.some((e) => e.attendance === 'present')) issue('attendance', '提交前请登记出勤情况：至少一人出席。');
    if (!minutes) issue('minutesJson', '提交前请填写会议记录。');
  }

  return {
    id,
    version,
    branchId: branchId ?? 0,
    kind,
    heldOn,
    startTime,
    endTime,
    place,
    topic,
    firstAgendaStudied,
    firstAgendaTopic,
    hostPersonId,
    recorderPersonId,
    speakerPersonId,
    speakerLecturerId,
    minutes,
    attendees: grid.entries,
    photoMediaIds,
    removeAttachmentIds,
    newAttachments,
    reason: mode === 'correct' ? reason : null,
  };
}

function recordSchema(mode: 'draft' | 'submit' | 'correct') {
  return z.looseObject({}).transform((values, ctx): RecordInput => {
    let failed = false;
    const issue: Issue = (path, message) => {
      failed = true;
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    const input = readRecord(values, mode, issue, todayInBeijing());
    return failed ? z.NEVER : input;
  });
}

export const saveDraftSchema = recordSchema('draft');
export const submitRecordSchema = recordSchema('submit');
export const correctRecordSchema = recordSchema('correct');

export const deleteDraftSchema = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试。' }).int().positive(),
});

export const uploadPhotoSchema = z.object({
  file: z
    .custom<File>(isFile, { error: '请选择要上传的照片。' })
    .refine((f) => f.size > 0, '请选择要上传的照片。'),
  altText: z.string({ error: '请填写照片说明。' }).trim().min(1, '请用一句话说明照片内容，供读屏软件朗读。').max(200, '照片说明不能超过 200 个字符。'),
  caption: z
    .string()
    .trim()
    .max(300, '图注不能超过 300 个字符。')
    .optional()
    .transform((v) => v || null),
});
