import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { type Actor, authorize, can, permissionMatrix } from './permissions';
import { roles } from './roles';

const actor = (role: Actor['role'], branchScope: number[] | null = null): Actor => ({ id: 7, role, branchScope });

describe('permission matrix', () => {
  it('lets admins do everything but the review steps, which belong to auditors and branches', () => {
    for (const action of Object.keys(permissionMatrix) as (keyof typeof permissionMatrix)[]) {
      expect(can(actor('admin'), action), action).toBe(action !== 'reviews.mark' && action !== 'reviews.answer' && action !== 'inspections.manage');
    }
    expect(can(actor('admin'), 'reviews.read')).toBe(true);
  });

  it('lets auditors write nothing but review marks (and their own password)', () => {
    const writes = (Object.keys(permissionMatrix) as (keyof typeof permissionMatrix)[]).filter((a) => !a.endsWith('.read'));
    expect(writes.filter((a) => can(actor('auditor'), a))).toEqual(['account.changePassword', 'reviews.mark', 'inspections.manage']);
  });

  it('lets only auditors mark and only a branch answer for its subtree', () => {
    for (const role of roles) expect(can(actor(role), 'reviews.mark'), role).toBe(role === 'auditor');
    const secretary = actor('branch_secretary', [10, 11]);
    expect(can(secretary, 'reviews.answer', { branchId: 11 })).toBe(true);
    expect(can(secretary, 'reviews.answer', { branchId: 20 })).toBe(false);
    expect(can(actor('auditor'), 'reviews.answer')).toBe(false);
    expect(can(actor('editor'), 'reviews.read')).toBe(false);
  });

  it('lets only auditors run inspections and only admins start a 通报 draft; editors see none', () => {
    for (const role of roles) {
      expect(can(actor(role), 'inspections.manage'), role).toBe(role === 'auditor');
      expect(can(actor(role), 'inspections.notice'), role).toBe(role === 'admin');
    }
    expect(can(actor('editor'), 'inspections.read')).toBe(false);
    expect(can(actor('branch_secretary', [10, 11]), 'inspections.read', { branchId: 20 })).toBe(false);
  });

  it('lets only admins run batch development steps and correct step dates; secretaries write single steps in their subtree', () => {
    for (const role of roles) expect(can(actor(role), 'development.batch'), role).toBe(role === 'admin');
    for (const role of roles) expect(can(actor(role), 'development.correct'), role).toBe(role === 'admin');
    const secretary = actor('branch_secretary', [10, 11]);
    expect(can(secretary, 'development.write', { branchId: 11 })).toBe(true);
    expect(can(secretary, 'development.write', { branchId: 20 })).toBe(false);
    expect(can(actor('auditor'), 'development.read')).toBe(true);
    expect(can(actor('auditor'), 'development.write')).toBe(false);
  });

  it('lets admins run training, secretaries read and enrol only their subtree, auditors read', () => {
    for (const role of roles) {
      expect(can(actor(role), 'training.manage'), role).toBe(role === 'admin');
      expect(can(actor(role), 'training.enrol'), role).toBe(role === 'admin' || role === 'branch_secretary');
      expect(can(actor(role), 'training.read'), role).toBe(role !== 'editor');
    }
    const secretary = actor('branch_secretary', [10, 11]);
    expect(can(secretary, 'training.enrol', { branchId: 11 })).toBe(true);
    expect(can(secretary, 'training.enrol', { branchId: 20 })).toBe(false);
    expect(can(secretary, 'training.read', { branchId: 20 })).toBe(false);
  });

  it('lets admins, auditors and a secretary (own subtree) read training coverage; only admins set its rules', () => {
    const secretary = actor('branch_secretary', [10, 11]);
    expect(can(secretary, 'training.read', { branchId: 11 })).toBe(true);
    expect(can(secretary, 'training.read', { branchId: 20 })).toBe(false);
    expect(can(actor('auditor'), 'training.read', { branchId: 20 })).toBe(true);
    expect(can(actor('editor'), 'training.read')).toBe(false);
    for (const role of roles) expect(can(actor(role), 'training.rules'), role).toBe(role === 'admin');
  });

  it('keeps editors away from publishing and user management', () => {
    expect(can(actor('editor'), 'articles.publish')).toBe(false);
    expect(can(actor('editor'), 'users.manage')).toBe(false);
    expect(can(actor('editor'), 'articles.write', { ownerId: 7 })).toBe(true);
    expect(can(actor('editor'), 'articles.write', { ownerId: 8 })).toBe(false);
  });

  it('scopes branch secretaries to their branch tree', () => {
    const secretary = actor('branch_secretary', [10, 11, 12]);
    expect(can(secretary, 'records.write', { branchId: 11 })).toBe(true);
    expect(can(secretary, 'records.write', { branchId: 20 })).toBe(false);
    expect(can(secretary, 'records.write', { branchId: null })).toBe(false);
    expect(can(secretary, 'records.read', { branchId: 20 })).toBe(false);
    expect(can(secretary, 'articles.publish')).toBe(false);
  });

  it('names only known roles', () => {
    for (const row of Object.values(permissionMatrix)) {
      for (const role of Object.keys(row)) expect(roles).toContain(role);
    }
  });
});

describe('authorize', () => {
  it('passes what can() allows and refuses the rest with AppError forbidden (403)', () => {
    expect(() => authorize(actor('admin'), 'users.manage')).not.toThrow();
    let refusal: unknown;
    try {
      authorize(actor('editor'), 'users.manage');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'forbidden', status: 403, message: '您没有执行此操作的权限。' });
  });

  it('applies the branch scope to a target', () => {
    const secretary = actor('branch_secretary', [10, 11]);
    expect(() => authorize(secretary, 'records.write', { branchId: 11 })).not.toThrow();
    expect(() => authorize(secretary, 'records.write', { branchId: 12 })).toThrow(AppError);
  });
});
