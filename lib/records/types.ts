// The record book's types for pages and components: they import them from here, never from db/.
// Type-only imports of the schema, so safe in client code.
import type { absenceReasons, ActivityKind, activityKinds, ActivityStatus, activityStatuses } from '@/db/schema/activities';
import type { AttachmentKind } from '@/db/schema/articles';

export type { ActivityKind, ActivityStatus };
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
export type NamedPerson = { id: number; name: string };

/** One record with its parts, as the record page and the form show it. */
export type RecordDetail = {
  id: number;
  branchId: number;
  branchName: string;
  /** Names from the root of the tree down to the record's node. */
  branchPath: string[];
  kind: ActivityKind;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  topic: string | null;
  firstAgendaStudied: boolean;
  firstAgendaTopic: string | null;
  host: NamedPerson | null;
  recorder: NamedPerson | null;
  speaker: NamedPerson | null;
  /** The booked lecturer who gave the 党课 (四季送课), instead of a roster speaker. */
  speakerLecturer: NamedPerson | null;
  /** The minutes as an editor document (RichTextNode). */
  minutes: import('@/db/schema/articles').RichTextNode;
  hasMinutes: boolean;
  status: ActivityStatus;
  revision: number;
  version: number;
  submittedAt: Date | null;
  submittedOn: string | null;
  submittedByName: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The late-entry threshold in force on held_on, and the delay when the record is late. */
  lateEntryDays: number | null;
  lateDays: number | null;
  attendees: (AttendanceEntry & { name: string })[];
  photos: RecordPhoto[];
  attachments: RecordAttachment[];
};

export type { DiffGroup, RecordSnapshot, VersionDiff } from './snapshot';

/** A version of a submitted record: revision 1 the submission, later ones corrections with their reason. */
export type RecordVersion = {
  revision: number;
  reason: string | null;
  createdAt: Date;
  createdByName: string | null;
  snapshot: import('./snapshot').RecordSnapshot;
  /** What changed since the version before; null for the first. */
  diff: import('./snapshot').VersionDiff | null;
};

/** A record as the CSV and XLSX exports write it: the list's fields and the meeting's details. */
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
