import type { BranchKind } from '@/db/schema/branches';
import type { CommitteePositionKind } from '@/db/schema/people';
import type { TermWarning } from './terms';
import type { StatusCounts, TreeNode } from './tree-view';

// What the branch pages and components receive from lib/branches/queries.

export type { BranchKind, CommitteePositionKind, StatusCounts, TreeNode, TermWarning };

export type BranchTree = { roots: TreeNode[]; nodeCount: number; hits: number; q: string };

export type BranchSummary = { id: number; name: string; code: string; kind: BranchKind; dissolvedOn: string | null };

export type CommitteeTerm = {
  id: number;
  personId: number;
  personName: string;
  position: CommitteePositionKind;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  version: number;
  current: boolean;
};

export type SelectOption = { id: number; label: string };

export type BranchDetail = {
  id: number;
  parentId: number | null;
  kind: BranchKind;
  name: string;
  code: string;
  unitName: string;
  contactPhone: string | null;
  establishedOn: string | null;
  dissolvedOn: string | null;
  version: number;
  path: { id: number; name: string }[];
  children: BranchSummary[];
  /** People on this node itself, and on it and every node below it, by status. */
  own: StatusCounts;
  subtree: StatusCounts;
  /** Records of this node and every node below it. */
  recordCount: number;
  terms: CommitteeTerm[];
  warnings: TermWarning[];
  /** The rule set the warnings were read from, or null when none is in force. */
  termRules: { ruleSetName: string; termWarningDays: number; termYears: number | null } | null;
  today: string;
  canManageTree: boolean;
  canManagePositions: boolean;
};
