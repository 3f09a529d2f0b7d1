import type { BranchKind } from '@/db/schema/branches';
import type { CommitteePositionKind } from '@/db/schema/people';

// What the tree allows and how it is named; pure, shared by commands, forms and pages.

export const branchKindLabels: Record<BranchKind, string> = {
  work_committee: '工委',
  unit_organization: '单位党组织',
  general_branch: '党总支',
  branch: '党支部',
  party_group: '党小组',
};

/** Which kinds may sit directly under a node of each kind (the work committee is the only root). */
export const childKindsOf: Record<BranchKind, readonly BranchKind[]> = {
  work_committee: ['unit_organization'],
  unit_organization: ['general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['party_group'],
  party_group: [],
};

export function mayHoldChild(parentKind: BranchKind, childKind: BranchKind): boolean {
  return childKindsOf[parentKind].includes(childKind);
}

/** The kinds a new node under this one may have: none under a party group or a dissolved node. */
export function childKindsFor(parent: { kind: BranchKind; dissolvedOn: string | null }): BranchKind[] {
  return parent.dissolvedOn ? [] : [...childKindsOf[parent.kind]];
}

/** The parent kinds a node of `kind` may be placed under. */
export function parentKindsOf(kind: BranchKind): BranchKind[] {
  return (Object.keys(childKindsOf) as BranchKind[]).filter((parent) => childKindsOf[parent].includes(kind));
}

export const positionLabels: Record<CommitteePositionKind, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization_member: '组织委员',
  propaganda_member: '宣传委员',
  discipline_member: '纪检委员',
  committee_member: '委员',
};

/** Committee positions in the order forms list them. */
export const positionKinds = Object.keys(positionLabels) as CommitteePositionKind[];
