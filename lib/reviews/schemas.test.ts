import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { answerFindingSchema, raiseFindingSchema, reopenFindingSchema } from './schemas';

const errors = (result: { success: boolean; error?: z.ZodError }) => (result.success ? {} : z.flattenError(result.error!).fieldErrors);

describe('the raise form', () => {
  const valid = { recordId: '4', revision: '1', category: 'missing_evidence', comment: '缺少签到表', dueOn: addDays(todayInBeijing(), 30) };

  it('accepts a finding with a comment and a due day from today on', () => {
    expect(raiseFindingSchema.parse(valid)).toMatchObject({ recordId: 4, category: 'missing_evidence', comment: '缺少签到表' });
    expect(raiseFindingSchema.safeParse({ ...valid, dueOn: todayInBeijing() }).success).toBe(true);
  });

  it('puts each refusal beside its field, in Chinese, all at once', () => {
    const result = raiseFindingSchema.safeParse({ ...valid, category: 'nonsense', comment: '   ', dueOn: '' });
    expect(errors(result)).toEqual({ category: ['请选择问题类别。'], comment: ['请填写问题说明。'], dueOn: ['请填写整改期限。'] });
    expect(errors(raiseFindingSchema.safeParse({ ...valid, dueOn: addDays(todayInBeijing(), -1) }))).toEqual({ dueOn: ['整改期限不能早于今天。'] });
    expect(errors(raiseFindingSchema.safeParse({ ...valid, dueOn: '2026-02-30' }))).toEqual({ dueOn: ['整改期限不是有效日期，请按 年-月-日 填写。'] });
  });
});

describe('the answer and reopen forms', () => {
  it('needs a rectification note; a corrected revision is optional', () => {
    expect(errors(answerFindingSchema.safeParse({ findingId: '1', version: '1', note: '' }))).toEqual({ note: ['请填写整改说明。'] });
    expect(answerFindingSchema.parse({ findingId: '1', version: '1', note: '已补充', correctedRevision: '2' })).toMatchObject({ correctedRevision: 2 });
    expect(answerFindingSchema.parse({ findingId: '1', version: '1', note: '已补充' })).toMatchObject({ correctedRevision: null });
  });

  it('needs a reason to reopen; a new due day, when given, is not in the past', () => {
    expect(errors(reopenFindingSchema.safeParse({ findingId: '1', version: '2', comment: '' }))).toEqual({ comment: ['请填写退回意见。'] });
    expect(reopenFindingSchema.parse({ findingId: '1', version: '2', comment: '签到表不清晰', dueOn: '' })).toMatchObject({ dueOn: null });
    expect(errors(reopenFindingSchema.safeParse({ findingId: '1', version: '2', comment: 'x', dueOn: '2020-01-01' }))).toEqual({ dueOn: ['整改期限不能早于今天。'] });
  });
});
