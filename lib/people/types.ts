import type { CommitteePositionKind, MemberStatus } from '@/db/schema/people';
import type { KeysetPage } from '@/lib/pagination/keyset';
import type { AbsenceReason, ActivityKind } from '@/lib/records/types';

// What the roster pages and components receive from lib/people/queries.

export type PersonListItem = {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  status: MemberStatus;
  statusSince: string | null;
  joinedPartyOn: string | null;
  jobTitle: string | null;
  /** Masked for lists (138****1234): the full number is on the audited detail page only. */
  maskedPhone: string;
  branchId: number;
  branchName: string;
};

export type PeopleList = KeysetPage<PersonListItem> & { total: number };

export type PersonDetail = {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  jobTitle: string | null;
  status: MemberStatus;
  statusSince: string | null;
  joinedPartyOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  branch: { id: number; name: string; code: string; dissolvedOn: string | null };
  branchPath: { id: number; name: string }[];
  positions: { id: number; branchId: number; branchName: string; position: CommitteePositionKind; startsOn: string; endsOn: string; endedOn: string | null }[];
  transfers: { id: number; fromBranchId: number; fromBranchName: string; toBranchId: number; toBranchName: string; transferredOn: string; reason: string; createdByName: string | null }[];
  account: { id: number; username: string; displayName: string } | null;
  attendance: PersonAttendance;
  canManage: boolean;
  canLinkAccount: boolean;
  /** The person has a member-development file the reader may open. */
  hasDevelopmentFile: boolean;
  /** An applicant without a file whose application the reader may register. */
  canOpenDevelopmentFile: boolean;
};

export type AccountOption = { id: number; label: string };

export type { MemberStatus };

/** A meeting whose attendance list names the person (lib/people/attendance.ts). */
export type PersonMeeting = {
  recordId: number;
  heldOn: string;
  kind: ActivityKind;
  topic: string;
  branchName: string;
  attendance: 'present' | 'absent';
  absenceReason: AbsenceReason | null;
  absenceNote: string | null;
};

export type PersonAttendance = {
  /** The first day of the twelve months summed up (exclusive of earlier days). */
  since: string;
  present: number;
  absent: number;
  lastPresentOn: string | null;
  recent: PersonMeeting[];
};
