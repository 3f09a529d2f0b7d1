import type { ActivityKind } from '@/db/schema/activities';
import type { BranchKind } from '@/db/schema/branches';

// The lists rule forms offer, without importing the schema module (client components use them).

export const periodUnits = ['month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

/** Node kinds a frequency may bind: the organizations that hold meetings. */
export const boundNodeKinds = ['unit_organization', 'general_branch', 'branch', 'party_group'] as const satisfies readonly BranchKind[];

/** Kinds the form offers a frequency for (everything but the catch-all 其他). */
export const ruleActivityKinds = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'themed_party_day',
  'organizational_life_meeting',
  'democratic_review',
  'volunteer_service',
] as const satisfies readonly ActivityKind[];
