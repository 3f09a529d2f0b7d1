import { describe, expect, it } from 'vitest';
import { addToFigures, classifyLeader, emptyFigures, type LeaderRow, matchesShow, newSecretaryDeadline, rulesForYear, type TrainingRuleSetVersion } from './coverage';
import { newTrainingRuleSetSchema, trainingRulesSchema } from './rules';

const set2019: TrainingRuleSetVersion = { id: 1, name: '2019', effectiveFrom: '2019-01-01', rules: { memberMinHours: 32, leaderMinHours: 56, leaderRotationRequired: true, newSecretaryWithinMonths: 6 } };
const set2026: TrainingRuleSetVersion = { id: 2, name: '2026', effectiveFrom: '2026-07-01', rules: { memberMinHours: 40, leaderMinHours: 64, leaderRotationRequired: true, newSecretaryWithinMonths: 3 } };
const sets = [set2019, set2026];

const row = (over: Partial<LeaderRow> = {}): LeaderRow => ({
  personId: 1,
  name: '张三',
  branchId: 10,
  branchName: '第一党支部',
  unitId: 2,
  unitName: '市财政局机关党委',
  position: 'secretary',
  isSecretary: true,
  firstSecretaryOn: '2020-03-01',
  hours: 60,
  rotationOn: '2025-04-18',
  firstTrainedOn: null,
  ...over,
});

describe('the rule set a year and a new secretary are judged by', () => {
  it('takes the set in force on the last day of the year', () => {
    expect(rulesForYear(sets, 2025)?.id).toBe(1);
    // A set that takes effect mid-year governs that whole year (it is in force on 31 December).
    expect(rulesForYear(sets, 2026)?.id).toBe(2);
    expect(rulesForYear(sets, 2018)).toBeNull();
  });

  it("counts a new secretary's months from the set in force on the day they took office", () => {
    expect(newSecretaryDeadline(sets, '2026-03-10')).toBe('2026-09-10');
    expect(newSecretaryDeadline(sets, '2026-08-31')).toBe('2026-11-30');
  });
});

describe('who was trained in a year', () => {
  it('counts a leader with a rotation completed in the year as trained, with hours against the leaders minimum', () => {
    const c = classifyLeader(row(), { year: 2025, today: '2026-12-02', sets });
    expect(c).toMatchObject({ status: 'trained', minHours: 56, hoursMet: true, newSecretary: null });
    expect(classifyLeader(row({ hours: 55.5 }), { year: 2025, today: '2026-12-02', sets }).hoursMet).toBe(false);
  });

  it('keeps a secretary who left in March on the list and calls them untrained without a rotation', () => {
    const c = classifyLeader(row({ rotationOn: null }), { year: 2025, today: '2026-12-02', sets });
    expect(c.status).toBe('untrained');
  });

  it('calls a secretary who started in November "due", not missing', () => {
    const c = classifyLeader(row({ firstSecretaryOn: '2025-11-03', rotationOn: null, hours: 0 }), { year: 2025, today: '2026-01-10', sets });
    expect(c.status).toBe('due');
    expect(c.newSecretary).toEqual({ since: '2025-11-03', deadline: '2026-05-03', state: 'due' });
    // Once the deadline has passed without training, the new-secretary check is overdue (the year stays "due").
    const later = classifyLeader(row({ firstSecretaryOn: '2025-11-03', rotationOn: null }), { year: 2025, today: '2026-06-01', sets });
    expect(later.newSecretary?.state).toBe('overdue');
    expect(later.status).toBe('due');
  });

  it('carries a November secretary into the next year: overdue there once the deadline passes untrained', () => {
    const next = classifyLeader(row({ firstSecretaryOn: '2025-11-03', rotationOn: null, hours: 0 }), { year: 2026, today: '2026-12-02', sets });
    expect(next.newSecretary).toEqual({ since: '2025-11-03', deadline: '2026-05-03', state: 'overdue' });
    expect(next.status).toBe('untrained');
    const trainedInDecember = classifyLeader(row({ firstSecretaryOn: '2025-11-03', firstTrainedOn: '2025-12-10' }), { year: 2026, today: '2026-12-02', sets });
    expect(trainedInDecember.newSecretary?.state).toBe('trained');
    // A deadline that ended before the year is not the year's business.
    expect(classifyLeader(row({ firstSecretaryOn: '2025-03-01' }), { year: 2026, today: '2026-12-02', sets }).newSecretary).toBeNull();
  });

  it('calls a secretary who started in March and was not trained by September missing', () => {
    const c = classifyLeader(row({ firstSecretaryOn: '2025-03-01', rotationOn: null, firstTrainedOn: '2025-10-01' }), { year: 2025, today: '2026-01-10', sets });
    expect(c.status).toBe('untrained');
    expect(c.newSecretary?.state).toBe('overdue');
    const inTime = classifyLeader(row({ firstSecretaryOn: '2025-03-01', rotationOn: null, firstTrainedOn: '2025-08-20' }), { year: 2025, today: '2026-01-10', sets });
    expect(inTime.newSecretary?.state).toBe('trained');
  });

  it('judges by hours when a rule set does not require a rotation', () => {
    const noRotation: TrainingRuleSetVersion = { ...set2019, rules: { ...set2019.rules, leaderRotationRequired: false } };
    expect(classifyLeader(row({ rotationOn: null, hours: 56 }), { year: 2025, today: '2026-01-10', sets: [noRotation] }).status).toBe('trained');
    expect(classifyLeader(row({ rotationOn: null, hours: 50 }), { year: 2025, today: '2026-01-10', sets: [noRotation] }).status).toBe('untrained');
  });

  it('adds figures whose drill-down filters select exactly the counted people', () => {
    const people = [
      classifyLeader(row({ personId: 1 }), { year: 2025, today: '2026-01-10', sets }),
      classifyLeader(row({ personId: 2, rotationOn: null, hours: 10 }), { year: 2025, today: '2026-01-10', sets }),
      classifyLeader(row({ personId: 3, position: 'organization_member', isSecretary: false, firstSecretaryOn: null }), { year: 2025, today: '2026-01-10', sets }),
      classifyLeader(row({ personId: 4, firstSecretaryOn: '2025-11-03', rotationOn: null }), { year: 2025, today: '2026-01-10', sets }),
    ];
    const f = emptyFigures();
    for (const p of people) addToFigures(f, p);
    expect(f).toMatchObject({ required: 4, trained: 2, untrained: 1, due: 1, belowHours: 1, secretaries: { required: 3, trained: 1, untrained: 1, due: 1 }, newSecretaries: { total: 1, due: 1 } });
    expect(people.filter((p) => matchesShow(p, 'trained', true)).length).toBe(f.secretaries.trained);
    expect(people.filter((p) => matchesShow(p, 'untrained', false)).map((p) => p.personId)).toEqual([2]);
    expect(people.filter((p) => matchesShow(p, 'below', false)).length).toBe(f.belowHours);
  });
});

describe('training rule data', () => {
  it('accepts the seeded minimums and refuses nonsense with Chinese messages', () => {
    expect(trainingRulesSchema.safeParse(set2019.rules).success).toBe(true);
    const bad = newTrainingRuleSetSchema.safeParse({ name: '新规则', source: '文件', effectiveFrom: '2027-01-01', memberMinHours: '60', leaderMinHours: '56', newSecretaryWithinMonths: '0' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toContain('newSecretaryWithinMonths:新任书记培训期限（月）至少为 1。');
    const low = newTrainingRuleSetSchema.safeParse({ name: '新规则', source: '文件', effectiveFrom: '2027-01-01', memberMinHours: '60', leaderMinHours: '56', newSecretaryWithinMonths: '6' });
    expect(low.error?.issues[0]?.path).toEqual(['leaderMinHours']);
    const ok = newTrainingRuleSetSchema.parse({ name: '新规则', source: '文件', effectiveFrom: '2027-01-01', memberMinHours: '32', leaderMinHours: '56', newSecretaryWithinMonths: '6', leaderRotationRequired: 'on' });
    expect(ok.rules).toEqual({ memberMinHours: 32, leaderMinHours: 56, leaderRotationRequired: true, newSecretaryWithinMonths: 6 });
  });
});
