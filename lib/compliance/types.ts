import type { ActivityKind } from '@/db/schema/activities';
import type { BranchKind } from '@/db/schema/branches';
import type { CommitteePositionKind, MemberStatus } from '@/db/schema/people';
import type { CheckState, NodeCompliance, PeriodCheck, Rollup, RuleKey } from './evaluate';
import type { Period } from './periods';

export type { ActivityKind, BranchKind, CheckState, CommitteePositionKind, MemberStatus, NodeCompliance, Period, PeriodCheck, Rollup, RuleKey };
export type { RuleCheck } from './evaluate';

export type Granularity = 'month' | 'quarter' | 'year';

/** `rule` narrows "gaps only" to the nodes that missed that one rule (the unit summary's drill-down). */
export type ComplianceFilters = { branchId: number | null; year: number; granularity: Granularity; gapsOnly: boolean; rule: RuleKey | null; page: number };

export type NodeRef = { id: number; name: string; kind: BranchKind };

export type ComplianceReport = {
  root: NodeRef;
  year: number;
  today: string;
  /** The rules of the year, in rule-data order. */
  keys: RuleKey[];
  nodes: NodeCompliance[];
  /** One row per unit organization below the root (or the root alone). */
  units: Rollup[];
  total: Rollup;
  /** The rule sets that judged some period of the year. */
  ruleSets: { id: number; name: string; effectiveFrom: string }[];
};

export type InactiveMember = {
  personId: number;
  name: string;
  status: MemberStatus;
  branchId: number;
  branchName: string;
  /** The last day they attended a (non-draft) meeting present, or null when never recorded. */
  lastPresentOn: string | null;
};

/** A page of the early-warning list of `root`'s subtree; `next` is the following page's cursor. */
export type InactiveMembers = { root: NodeRef; since: string; months: number; items: InactiveMember[]; next: string | null };

export type LateEntry = { id: number; kind: ActivityKind; heldOn: string; submittedOn: string; daysLate: number; branchId: number; branchName: string };

export type TermEnding = {
  id: number;
  position: CommitteePositionKind;
  personId: number;
  personName: string;
  branchId: number;
  branchName: string;
  endsOn: string;
  daysLeft: number;
};

export type DueItem = { node: NodeRef; key: RuleKey; check: PeriodCheck };

export type SecretaryDashboard = {
  branch: NodeRef;
  today: string;
  dueNow: DueItem[];
  missedLastMonth: DueItem[];
  lastMonth: Period;
  lateEntries: LateEntry[];
  termsEnding: TermEnding[];
  termWarningDays: number;
};

export type ComplianceCardData = { node: NodeRef; year: number; today: string; own: NodeCompliance | null; subtree: Rollup; keys: RuleKey[] };
