import { describe, expect, it } from 'vitest';
import type { RuleSetVersion } from '@/lib/rules/pick';
import { branchRulesSchema, type BranchRules } from '@/lib/rules/schemas';
import { type ComplianceNode, type CountRow, evaluateYear, indexCounts, percent, requirementsOf, rollup, ruleKeysOf } from './evaluate';

const base: BranchRules = branchRulesSchema.parse({
  frequencies: [
    { kind: 'general_meeting', per: 'quarter', min: 1, nodeKinds: ['branch'] },
    { kind: 'committee_meeting', per: 'month', min: 1, nodeKinds: ['branch'] },
    { kind: 'group_meeting', per: 'month', min: 1, nodeKinds: ['party_group'] },
    { kind: 'organizational_life_meeting', per: 'year', min: 1, nodeKinds: ['branch'] },
  ],
  secretaryLecturesPerYear: 1,
  lateEntryDays: 30,
  termWarningDays: 90,
  termYears: { branch: 3 },
  findingDueDays: 30,
  inactivityMonths: 6,
});
const set2018: RuleSetVersion = { id: 1, name: '2018', effectiveFrom: '2018-10-28', rules: base };
// From July 2025 a general meeting every month.
const set2025: RuleSetVersion = {
  id: 2,
  name: '2025',
  effectiveFrom: '2025-07-01',
  rules: { ...base, frequencies: base.frequencies.map((f) => (f.kind === 'general_meeting' ? { ...f, per: 'month' as const } : f)) },
};

const node = (id: number, kind: ComplianceNode['kind'], extra: Partial<ComplianceNode> = {}): ComplianceNode => ({
  id,
  parentId: 1,
  kind,
  name: `node ${id}`,
  establishedOn: '2010-01-01',
  dissolvedOn: null,
  ...extra,
});

const count = (branchId: number, kind: CountRow['kind'], month: number, held = 1, late = 0): CountRow => ({ branchId, kind, month, held, late });

const ruleOf = (result: ReturnType<typeof evaluateYear>, nodeId: number, key: string) => result.find((r) => r.node.id === nodeId)?.rules.find((r) => r.key === key);

describe('evaluateYear', () => {
  const nodes = [node(1, 'work_committee', { parentId: null }), node(10, 'branch'), node(11, 'party_group', { parentId: 10 })];

  it('counts a quarter as met by a meeting held in it, wherever it was entered; a short quarter is missed', () => {
    // Branch 10: general meetings in March (Q1, entered late), none in Q2, August and November.
    const counts = [count(10, 'general_meeting', 3, 1, 1), count(10, 'general_meeting', 8), count(10, 'general_meeting', 11)];
    const result = evaluateYear({ year: 2024, today: '2026-01-10', nodes, counts: indexCounts(counts), secretaryLectures: new Map(), ruleSets: [set2018] });
    const general = ruleOf(result, 10, 'general_meeting')!;
    expect(general.periods.map((p) => [p.period.index, p.held, p.late, p.state])).toEqual([
      [1, 1, 1, 'met'],
      [2, 0, 0, 'missed'],
      [3, 1, 0, 'met'],
      [4, 1, 0, 'met'],
    ]);
    expect(general.state).toBe('missed');
    expect(general.late).toBe(1);
    expect(result.find((r) => r.node.id === 10)!.compliant).toBe(false);
  });

  it('binds each rule only to its node kinds; nodes no rule binds are left out', () => {
    const result = evaluateYear({ year: 2024, today: '2026-01-10', nodes, counts: indexCounts([]), secretaryLectures: new Map(), ruleSets: [set2018] });
    expect(result.map((r) => r.node.id)).toEqual([10, 11]);
    expect(result.find((r) => r.node.id === 11)!.rules.map((r) => r.key)).toEqual(['group_meeting']);
  });

  it('switches requirements on the effective date of a new rule set', () => {
    expect(requirementsOf('general_meeting', 2025, [set2018, set2025]).map((r) => `${r.period.unit}${r.period.index}#${r.ruleSetId}`)).toEqual([
      'quarter1#1',
      'quarter2#1',
      'month7#2',
      'month8#2',
      'month9#2',
      'month10#2',
      'month11#2',
      'month12#2',
    ]);
    const counts = [count(10, 'general_meeting', 2), count(10, 'general_meeting', 5), count(10, 'general_meeting', 7), count(10, 'general_meeting', 9)];
    const result = evaluateYear({ year: 2025, today: '2026-01-10', nodes, counts: indexCounts(counts), secretaryLectures: new Map(), ruleSets: [set2018, set2025] });
    const general = ruleOf(result, 10, 'general_meeting')!;
    // Under the 2018 set Q1 and Q2 are met; under the new set August, October–December are missed.
    expect(general.periods.filter((p) => p.state === 'missed').map((p) => `${p.period.unit}${p.period.index}`)).toEqual(['month8', 'month10', 'month11', 'month12']);
  });

  it('does not fail running or future periods; they are open or future', () => {
    const result = evaluateYear({ year: 2026, today: '2026-05-20', nodes, counts: indexCounts([count(10, 'committee_meeting', 4)]), secretaryLectures: new Map(), ruleSets: [set2018] });
    const committee = ruleOf(result, 10, 'committee_meeting')!;
    expect(committee.periods.slice(0, 7).map((p) => p.state)).toEqual(['missed', 'missed', 'missed', 'met', 'open', 'future', 'future']);
    expect(ruleOf(result, 10, 'organizational_life_meeting')!.state).toBe('open');
  });

  it('requires nothing of a node before it was founded or after it was dissolved', () => {
    const young = node(12, 'branch', { establishedOn: '2024-05-15' });
    const gone = node(13, 'branch', { dissolvedOn: '2024-02-10' });
    const result = evaluateYear({ year: 2024, today: '2026-01-10', nodes: [young, gone], counts: indexCounts([]), secretaryLectures: new Map(), ruleSets: [set2018] });
    expect(ruleOf(result, 12, 'committee_meeting')!.periods[0]!.period.index).toBe(5);
    expect(ruleOf(result, 13, 'committee_meeting')!.periods.map((p) => p.period.index)).toEqual([1, 2]);
  });

  it("checks the secretary's own 党课 once a year", () => {
    const result = evaluateYear({ year: 2024, today: '2026-01-10', nodes, counts: indexCounts([]), secretaryLectures: new Map([[10, 1]]), ruleSets: [set2018] });
    expect(ruleOf(result, 10, 'secretary_lecture')).toMatchObject({ held: 1, state: 'met' });
    const none = evaluateYear({ year: 2024, today: '2026-01-10', nodes, counts: indexCounts([]), secretaryLectures: new Map(), ruleSets: [set2018] });
    expect(ruleOf(none, 10, 'secretary_lecture')!.state).toBe('missed');
    expect(ruleKeysOf(2024, [set2018])).toContain('secretary_lecture');
  });

  it('requires nothing before the first rule set', () => {
    expect(evaluateYear({ year: 2017, today: '2026-01-10', nodes, counts: indexCounts([]), secretaryLectures: new Map(), ruleSets: [set2018] })).toEqual([]);
  });
});

describe('rollup', () => {
  it('counts nodes meeting each rule and the compliant ones', () => {
    const nodes = [node(10, 'branch'), node(20, 'branch')];
    const result = evaluateYear({
      year: 2024,
      today: '2026-01-10',
      nodes,
      counts: indexCounts(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((m) => [count(10, 'committee_meeting', m), count(20, 'committee_meeting', m)]).concat([3, 6, 9, 12].map((m) => count(10, 'general_meeting', m)), [count(10, 'organizational_life_meeting', 12)]),
      ),
      secretaryLectures: new Map([[10, 1]]),
      ruleSets: [set2018],
    });
    const r = rollup(1, '工委', result);
    expect(r).toMatchObject({ nodes: 2, compliant: 1 });
    expect(r.rules.committee_meeting).toEqual({ bound: 2, met: 2, missed: 0 });
    expect(r.rules.general_meeting).toEqual({ bound: 2, met: 1, missed: 1 });
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBeNull();
  });
});
