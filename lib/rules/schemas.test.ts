import { describe, expect, it } from 'vitest';
import { ruleFormValues } from './form';
import { branchRulesSchema, newBranchRuleSetSchema } from './schemas';

const rules2018 = {
  frequencies: [
    { kind: 'general_meeting', per: 'quarter', min: 1, nodeKinds: ['branch'] },
    { kind: 'group_meeting', per: 'month', min: 1, nodeKinds: ['party_group'] },
  ],
  secretaryLecturesPerYear: 1,
  lateEntryDays: 30,
  termWarningDays: 90,
  termYears: { unit_organization: 5, general_branch: 3, branch: 3 },
  findingDueDays: 30,
  inactivityMonths: 6,
};

describe('branchRulesSchema', () => {
  it('accepts the seeded shape and refuses a duplicate kind, a zero minimum or an unknown period', () => {
    expect(branchRulesSchema.safeParse(rules2018).success).toBe(true);
    expect(branchRulesSchema.safeParse({ ...rules2018, frequencies: [...rules2018.frequencies, rules2018.frequencies[0]] }).success).toBe(false);
    expect(branchRulesSchema.safeParse({ ...rules2018, frequencies: [{ ...rules2018.frequencies[0], min: 0 }] }).success).toBe(false);
    expect(branchRulesSchema.safeParse({ ...rules2018, frequencies: [{ ...rules2018.frequencies[0], per: 'week' }] }).success).toBe(false);
    expect(branchRulesSchema.safeParse({ ...rules2018, lateEntryDays: 0 }).success).toBe(false);
  });
});

describe('the new-version form', () => {
  const form = { name: '2027年补充规定', source: '工委会议决定', effectiveFrom: '2027-01-01', ...ruleFormValues(branchRulesSchema.parse(rules2018)) };

  it('round-trips a rule set through its form fields', () => {
    const parsed = newBranchRuleSetSchema.parse(form);
    expect(parsed.rules).toEqual(branchRulesSchema.parse(rules2018));
    expect(parsed.effectiveFrom).toBe('2027-01-01');
  });

  it('puts each error beside its field, in Chinese', () => {
    const result = newBranchRuleSetSchema.safeParse({ ...form, effectiveFrom: '2027-02-30', lateEntryDays: 'abc', min_general_meeting: '0', nodes_general_meeting_branch: undefined });
    expect(result.success).toBe(false);
    const errors = result.error!.flatten().fieldErrors as Record<string, string[]>;
    expect(errors.effectiveFrom).toEqual(['日期不存在。']);
    expect(errors.lateEntryDays).toEqual(['逾期补录天数须为整数。']);
    expect(errors.min_general_meeting).toEqual(['最少次数须为 1–31 的整数。']);
    expect(errors.nodes_general_meeting_branch).toEqual(['请至少选择一种适用的组织类型。']);
  });

  it('drops a kind whose period is left empty', () => {
    const parsed = newBranchRuleSetSchema.parse({ ...form, per_group_meeting: '' });
    expect(parsed.rules.frequencies.map((f) => f.kind)).toEqual(['general_meeting']);
  });
});
