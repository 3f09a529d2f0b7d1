import { bodyToBlocks, diffBlocks, type DiffRow, diffText } from '@/lib/articles/diff';
import { absenceReasonLabels, activityKindLabels } from './labels';
import { minutesDoc } from './minutes';
import type { AbsenceReason, ActivityKind, AttachmentKind } from './types';

// What a version of a record keeps (activity_record_versions.content): every field, with the
// names of the node and the people as they stood, so an old version reads the same after a
// rename or a transfer; and the diff of two versions, field by field, for the record page.

export type SnapshotAttendee = { personId: number; name: string; attendance: 'present' | 'absent'; absenceReason: AbsenceReason | null; absenceNote: string | null };

export type RecordSnapshot = {
  branchId: number;
  branchName: string;
  kind: ActivityKind;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  topic: string | null;
  firstAgendaStudied: boolean;
  firstAgendaTopic: string | null;
  host: { id: number; name: string } | null;
  recorder: { id: number; name: string } | null;
  speaker: { id: number; name: string } | null;
  /** The booked lecturer (四季送课) who gave a 党课, when the speaker is not on the roster. */
  speakerLecturer?: { id: number; name: string } | null;
  minutes: string;
  attendees: SnapshotAttendee[];
  photos: { mediaId: number; alt: string }[];
  /** Identified by storage key (the content's hash): a correction snapshots files before their rows exist. */
  attachments: { key: string; name: string; kind: AttachmentKind; byteSize: number }[];
};

export const EMPTY = '（空）';

type Field = { key: string; label: string; text: (s: RecordSnapshot) => string };

const FIELDS: Field[] = [
  { key: 'branch', label: '所属组织', text: (s) => s.branchName },
  { key: 'kind', label: '活动类型', text: (s) => activityKindLabels[s.kind] ?? s.kind },
  { key: 'heldOn', label: '活动日期', text: (s) => s.heldOn },
  { key: 'time', label: '起止时间', text: (s) => (s.startTime || s.endTime ? `${s.startTime ?? '?'}–${s.endTime ?? '?'}` : '') },
  { key: 'place', label: '地点', text: (s) => s.place ?? '' },
  { key: 'topic', label: '主题', text: (s) => s.topic ?? '' },
  { key: 'firstAgenda', label: '第一议题', text: (s) => (s.firstAgendaStudied ? `已学习：${s.firstAgendaTopic ?? ''}` : '未安排') },
  { key: 'host', label: '主持人', text: (s) => s.host?.name ?? '' },
  { key: 'recorder', label: '记录人', text: (s) => s.recorder?.name ?? '' },
  { key: 'speaker', label: '授课人', text: (s) => s.speaker?.name ?? (s.speakerLecturer ? `${s.speakerLecturer.name}（送课讲师）` : '') },
];

/** How one person's attendance reads: 出席, 缺席（病假）, 缺席（其他：出差） or 未列入. */
export function attendanceText(a: Pick<SnapshotAttendee, 'attendance' | 'absenceReason' | 'absenceNote'> | undefined): string {
  if (!a) return '未列入';
  if (a.attendance === 'present') return '出席';
  const reason = a.absenceReason ? absenceReasonLabels[a.absenceReason] : '未说明原因';
  return `缺席（${reason}${a.absenceNote ? `：${a.absenceNote}` : ''}）`;
}

export type DiffGroup = { title: string; rows: (DiffRow & { label: string })[] };

export type VersionDiff = { groups: DiffGroup[]; changedCount: number };

function row(label: string, left: string, right: string): DiffRow & { label: string } {
  if (left === right) return { label, kind: 'same', left, right };
  if (!left) return { label, kind: 'added', left: null, right };
  if (!right) return { label, kind: 'removed', left, right: null };
  return { label, kind: 'changed', left, right, ...diffText(left, right) };
}

const minutesBlocks = (minutes: string): string[] => (minutes.trim() ? bodyToBlocks(minutesDoc(minutes)) : []);

/** Everything that changed from `a` to `b`; unchanged fields are left out. */
export function diffVersions(a: RecordSnapshot, b: RecordSnapshot): VersionDiff {
  const fields = FIELDS.map((f) => row(f.label, f.text(a), f.text(b))).filter((r) => r.kind !== 'same');

  const before = new Map(a.attendees.map((x) => [x.personId, x]));
  const after = new Map(b.attendees.map((x) => [x.personId, x]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const attendance = ids
    .map((id) => {
      const l = before.get(id);
      const r = after.get(id);
      const left = attendanceText(l);
      const right = attendanceText(r);
      return left === right ? null : { label: (r ?? l)!.name, kind: 'changed' as const, left, right };
    })
    .filter((r) => r !== null)
    .sort((x, y) => x.label.localeCompare(y.label, 'zh-CN'));

  const listDiff = <T,>(left: T[], right: T[], key: (t: T) => string | number, text: (t: T) => string, label: string) => {
    const leftKeys = new Set(left.map(key));
    const rightKeys = new Set(right.map(key));
    return [
      ...left.filter((t) => !rightKeys.has(key(t))).map((t) => ({ label, kind: 'removed' as const, left: text(t), right: null })),
      ...right.filter((t) => !leftKeys.has(key(t))).map((t) => ({ label, kind: 'added' as const, left: null, right: text(t) })),
    ];
  };
  const photos = listDiff(a.photos, b.photos, (p) => p.mediaId, (p) => `照片：${p.alt}`, '照片');
  const attachments = listDiff(a.attachments, b.attachments, (x) => x.key, (x) => `附件：${x.name}`, '附件');
  const minutes = diffBlocks(minutesBlocks(a.minutes), minutesBlocks(b.minutes))
    .filter((r) => r.kind !== 'same')
    .map((r) => ({ ...r, label: '会议记录' }));

  const groups: DiffGroup[] = [
    { title: '基本信息', rows: fields },
    { title: '出勤', rows: attendance },
    { title: '照片与附件', rows: [...photos, ...attachments] },
    { title: '会议记录', rows: minutes },
  ].filter((g) => g.rows.length > 0);
  return { groups, changedCount: groups.reduce((n, g) => n + g.rows.length, 0) };
}

type Names = { person: (id: number) => string; branch: (id: number) => string };

type StoredPerson = { id: number; name: string } | null | undefined;

/**
 * Reads a stored snapshot back. Versions written before this shape (the demo seed's) hold
 * person ids and an `attendance` list without names: `names` fills them in.
 */
export function readSnapshot(content: Record<string, unknown>, names: Names): RecordSnapshot {
  const c = content as Partial<RecordSnapshot> & {
    hostPersonId?: number | null;
    recorderPersonId?: number | null;
    speakerPersonId?: number | null;
    attendance?: Omit<SnapshotAttendee, 'name'>[];
  };
  const person = (stored: StoredPerson, id: number | null | undefined) => stored ?? (id ? { id, name: names.person(id) } : null);
  const attendees = Array.isArray(c.attendees) ? c.attendees : Array.isArray(c.attendance) ? c.attendance.map((a) => ({ ...a, name: names.person(a.personId) })) : [];
  const branchId = Number(c.branchId ?? 0);
  return {
    branchId,
    branchName: c.branchName ?? names.branch(branchId),
    kind: (c.kind ?? 'other') as ActivityKind,
    heldOn: c.heldOn ?? '',
    startTime: c.startTime ?? null,
    endTime: c.endTime ?? null,
    place: c.place ?? null,
    topic: c.topic ?? null,
    firstAgendaStudied: c.firstAgendaStudied ?? false,
    firstAgendaTopic: c.firstAgendaTopic ?? null,
    host: person(c.host, c.hostPersonId),
    recorder: person(c.recorder, c.recorderPersonId),
    speaker: person(c.speaker, c.speakerPersonId),
    speakerLecturer: c.speakerLecturer ?? null,
    minutes: c.minutes ?? '',
    attendees,
    photos: Array.isArray(c.photos) ? c.photos : [],
    attachments: Array.isArray(c.attachments) ? c.attachments : [],
  };
}
