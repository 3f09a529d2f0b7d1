import { describe, expect, it } from 'vitest';
import { actionGroupOptionLabel, actionOptionLabel, auditActionGroups, auditActions, auditEntityTypes, entityTypeOptionLabel } from './vocabulary';

describe('the audit vocabulary', () => {
  it('offers no record kind or group that no action is written with', () => {
    const specs = Object.entries(auditActions);
    expect(new Set(specs.map(([, spec]) => spec.entityType))).toEqual(new Set(Object.keys(auditEntityTypes)));
    expect(new Set(specs.map(([action]) => action.slice(0, action.indexOf('.'))))).toEqual(new Set(Object.keys(auditActionGroups)));
  });

  it('labels every action distinctly', () => {
    const labels = Object.values(auditActions).map((spec) => spec.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('labels options in Chinese with the stored value, and older values as stored', () => {
    expect(actionOptionLabel('person.read')).toBe('查看个人信息（person.read）');
    expect(entityTypeOptionLabel('activity_record')).toBe('组织生活记录（activity_record）');
    expect(actionGroupOptionLabel('record.')).toBe('组织生活记录：全部操作（record.*）');
    expect(actionOptionLabel('user.login')).toBe('user.login');
    expect(entityTypeOptionLabel('toString')).toBe('toString');
    expect(actionGroupOptionLabel('seed.')).toBe('seed.*（全部）');
  });
});
