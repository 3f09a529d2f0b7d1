import type { BranchRules } from './schemas';

export type { BranchRules, Frequency, PeriodUnit } from './schemas';

/** Where a version stands today: superseded, in force, or waiting for its effective date. */
export type RuleSetState = 'past' | 'current' | 'future';

export type BranchRuleSetItem = {
  id: number;
  name: string;
  source: string;
  effectiveFrom: string;
  state: RuleSetState;
  rules: BranchRules;
  createdAt: Date;
};

export type DevelopmentRuleSetItem = {
  id: number;
  name: string;
  source: string;
  effectiveFrom: string;
  state: RuleSetState;
  rules: Record<string, unknown>;
};

export type RuleSetLists = { branch: BranchRuleSetItem[]; development: DevelopmentRuleSetItem[] };
