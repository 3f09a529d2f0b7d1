import { describe, expect, it } from 'vitest';
import type { NodeCompliance } from './evaluate';
import { complianceQuery, listedNodes, parseComplianceFilters } from './filters';

const TODAY = '2026-12-01';

const node = (id: number, missed: string[]): NodeCompliance =>
  ({
    node: { id, parentId: 1, kind: 'branch', name: `支部${id}`, establishedOn: null, dissolvedOn: null },
    rules: ['general_meeting', 'party_lecture'].map((key) => ({ key, periods: [], held: 0, late: 0, state: missed.includes(key) ? 'missed' : 'met' })),
    compliant: missed.length === 0,
  }) as unknown as NodeCompliance;

describe('compliance filters', () => {
  it('reads gaps=1 as any gap and gaps=<rule> as the gaps of that rule, and writes them back', () => {
    expect(parseComplianceFilters(new URLSearchParams('gaps=1'), TODAY)).toMatchObject({ gapsOnly: true, rule: null });
    const one = parseComplianceFilters(new URLSearchParams('branch=7&year=2025&gaps=general_meeting'), TODAY);
    expect(one).toMatchObject({ branchId: 7, year: 2025, gapsOnly: true, rule: 'general_meeting' });
    expect(complianceQuery(one)).toBe('?branch=7&year=2025&gaps=general_meeting');
    expect(complianceQuery({ ...one, gapsOnly: false })).toBe('?branch=7&year=2025');
  });

  it('ignores what does not parse instead of failing', () => {
    expect(parseComplianceFilters({ gaps: 'drop table', year: '1999', view: 'week', branch: '-3' }, TODAY)).toMatchObject({
      branchId: null,
      year: 2026,
      granularity: 'year',
      gapsOnly: false,
      rule: null,
    });
  });

  it('lists every node, the nodes with any gap, or those that missed the one rule', () => {
    const nodes = [node(2, []), node(3, ['general_meeting']), node(4, ['party_lecture'])];
    expect(listedNodes(nodes, { gapsOnly: false, rule: null }).map((n) => n.node.id)).toEqual([2, 3, 4]);
    expect(listedNodes(nodes, { gapsOnly: true, rule: null }).map((n) => n.node.id)).toEqual([3, 4]);
    expect(listedNodes(nodes, { gapsOnly: true, rule: 'party_lecture' }).map((n) => n.node.id)).toEqual([4]);
  });
});
