import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPersonSchema, peopleFilterSchema } from './schemas';

const errorsOf = (input: Record<string, string>) => {
  const parsed = createPersonSchema.safeParse({ branchId: '7', name: '王新', status: 'full_member', joinedPartyOn: '2010-07-01', ...input });
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('createPersonSchema', () => {
  it('takes a mobile or a landline with its area code, spaces and dashes ignored', () => {
    expect(createPersonSchema.parse({ branchId: '7', name: '王新', status: 'applicant', phone: '138 1234-5678' }).phone).toBe('13812345678');
    expect(errorsOf({ phone: '0599-86120311' })).toEqual({});
    expect(errorsOf({ phone: '12345678901' }).phone).toHaveLength(1);
    expect(errorsOf({ phone: '86120311' }).phone).toHaveLength(1);
  });

  it('wants a 入党时间 for members only, after the birth date and not in the future', () => {
    expect(errorsOf({ joinedPartyOn: '' }).joinedPartyOn).toEqual(['预备党员和正式党员须填写入党时间。']);
    expect(errorsOf({ status: 'activist' }).joinedPartyOn).toEqual(['尚未入党的人员不填写入党时间。']);
    expect(errorsOf({ birthDate: '2011-01-01' }).joinedPartyOn).toEqual(['入党时间须晚于出生日期。']);
    expect(errorsOf({ joinedPartyOn: '2999-01-01' }).joinedPartyOn).toEqual(['入党时间不能晚于今天。']);
    expect(errorsOf({ joinedPartyOn: '2010-02-30' }).joinedPartyOn).toEqual(['请填写有效的日期（年-月-日）。']);
  });

  it('reports every field error at once', () => {
    expect(Object.keys(errorsOf({ branchId: '', name: '', status: 'chairman' })).sort()).toEqual(['branchId', 'name', 'status']);
  });
});

describe('peopleFilterSchema', () => {
  it('drops what does not parse instead of failing', () => {
    expect(peopleFilterSchema.parse({ branchId: '0x1', status: 'boss', q: 'x'.repeat(99) })).toEqual({});
    expect(peopleFilterSchema.parse({ branchId: '12', status: 'probationary', q: '王' })).toEqual({ branchId: 12, status: 'probationary', q: '王' });
  });
});
