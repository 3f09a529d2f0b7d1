// The record book's types for pages and components: they import them from here, never from db/.
// Type-only imports of the schema, so safe in client code.
import type { absenceReasons, activityKinds, activityStatuses } from '@/db/schema/activities';
import type { AttachmentKind } from '@/db/schema/articles';

export type { ActivityKind, ActivityStatus } from '@/db/schema/activities';
export type AbsenceReason = (typeof absenceReasons)[number];
export type { AttachmentKind };

export const ACTIVITY_KINDS = ['general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'themed_party_day', 'organizational_life_meeting', 'democratic_review', 'volunteer_service', 'other'] as const satisfies typeof activityKinds;
export const ACTIVITY_STATUSES = ['draft', 'submitted', 'reviewed', 'flagged'] as const satisfies typeof activityStatuses;
export const ABSENCE_REASONS = ['official_duty', 'sick_leave', 'personal_leave', 'other'] as const satisfies typeof absenceReasons;

/** One row of the attendance grid as stored: present, or absent with a reason. */
export type AttendanceEntry = { personId: number; attendance: 'present' | 'absent'; absenceReason: AbsenceReason | null; absenceNote: string | null };

/** A person of a node's roster, as the form's selects and grid show them. */
export type RosterPerson = { id: number; name: string; status: string; committee: string | null };

/** A node the actor may log records for. */
export type RecordNodeOption = { id: number; label: string; kind: string; establishedOn: string | null; dissolvedOn: string | null };

export type RecordListItem = {
  id: number;
  heldOn: string;
  branchId: number;
  branchName: string;
  kind: ActivityKind;
  topic: string | null;
  status: ActivityStatus;
  revision: number;
  submittedOn: string | null;
  /** Days between held_on and the first submission, when it counts as late. */
  lateDays: number | null;
  present: number;
  expected: number;
};

export type RecordPhoto = { mediaId: number; url: string; thumbUrl: string; alt: string };
export type RecordAttachment = { id: number; name: string; kind: AttachmentKind; byteSize: number; url: string };

/** The whole content of a record: what a version snapshots and the form edits. */
export type RecordContent = {
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
  /** The sanitized rich-text document as JSON text ('' when empty). */
  minutes: string;
  attendees: AttendanceEntry[];
  photoMediaIds: number[];
  attachments: { id: number; name: string; kind: AttachmentKind; byteSize: number }[];
};

export type RecordVersionView = {
  revision: number;
  reason: string | null;
  createdAt: string;
  createdByName: string | null;
};

export type RecordDetail = RecordContent & {
  id: number;
  status: ActivityStatus;
  revision: number;
  version: number;
  branchName: string;
  branchPath: string;
  submittedAt: string | null;
  submittedOn: string | null;
  submittedByName: string | null;
  lateDays: number | null;
  lateEntryDays: number | null;
  createdAt: string;
  updatedAt: string;
  people: Record<number, string>;
  photos: RecordPhoto[];
  attachmentItems: RecordAttachment[];
  versions: RecordVersionView[];
};
