import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { developmentRuleFields, developmentStepSchema, newDevelopmentRuleSetSchema } from './schemas';

const ruleValues = Object.fromEntries(developmentRuleFields.map(([key]) => [key, '3']));

describe('the new development rule-set form', () => {
  it('assembles validated rules from one input per value', () => {
    const parsed = newDevelopmentRuleSetSchema.parse({ name: '修订规则', source: '中办文件', effectiveFrom: '2027-01-01', ...ruleValues, higherApprovalMaxMonths: '6' });
    expect(parsed.rules).toMatchObject({ activistMinMonths: 3, higherApprovalMaxMonths: 6, dueWarningDays: 3 });
  });

  it('puts each error beside its input, including the cross-field rule', () => {
    const result = newDevelopmentRuleSetSchema.safeParse({ name: '修订规则', source: '中办文件', effectiveFrom: '2027-02-30', ...ruleValues, activistMinMonths: 'x' });
    expect(z.flattenError(result.error!).fieldErrors).toMatchObject({ effectiveFrom: ['日期不存在。'], activistMinMonths: ['积极分子最短培养期（月）须为整数。'] });
    const cross = newDevelopmentRuleSetSchema.safeParse({ name: '修订规则', source: '中办文件', effectiveFrom: '2027-01-01', ...ruleValues, higherApprovalWithinMonths: '6' });
    expect(z.flattenError(cross.error!).fieldErrors).toMatchObject({ higherApprovalMaxMonths: ['审批最长期限不能短于一般期限。'] });
  });
});

describe('the step form', () => {
  it('needs a result for an assessment and whole numbers for training', () => {
    const base = { personId: '1', version: '1', decidedOn: '2026-01-01' };
    expect(z.flattenError(developmentStepSchema.safeParse({ ...base, step: 'assessment' }).error!).fieldErrors).toMatchObject({ result: ['请选择考察结果。'] });
    expect(z.flattenError(developmentStepSchema.safeParse({ ...base, step: 'training', trainingDays: '2.5' }).error!).fieldErrors).toMatchObject({ trainingDays: ['培训天数须为 0–365 的整数。'] });
    expect(developmentStepSchema.parse({ ...base, step: 'to_target', introducer1: '7', introducer2: '' })).toMatchObject({ introducer1: 7, introducer2: null });
  });
});
