import { describe, expect, it } from 'vitest';
import type { OrgFixtures } from './org-corpus';
import { fillPlaceholders, nextLink } from './org-pages';
import { apportion, planOrganization } from './org-plan';

describe('apportion', () => {
  it('splits a total exactly, each part at least the minimum', () => {
    const parts = apportion(693, [1, 5, 0.1, 2, 2, 9], 3);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(693);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(3);
    expect(parts[5]).toBeGreaterThan(parts[0]!);
  });

  it('refuses a total too small for the minimum', () => {
    expect(() => apportion(5, [1, 1, 1], 2)).toThrow(/cannot split/);
  });
});

describe('planOrganization', () => {
  const input = {
    units: 73,
    grassRoots: 693,
    existingUnits: 14,
    existingGrassRoots: 44,
    people: 19_779,
    takenUnitNames: new Set(['江州市财政局', '江州市教育局']),
    rootCode: 'WC',
    today: '2026-12-02',
  };
  const nodes = planOrganization(input);
  const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;

  it('tops the demo up to exactly 73 units and 693 grass-roots nodes', () => {
    expect(count('unit_organization')).toBe(73 - 14);
    expect(count('general_branch') + count('branch') + count('party_group')).toBe(693 - 44);
    expect(nodes.map((n) => n.unitName)).not.toContain('江州市财政局');
  });

  it('places every person, at most a few dozen per branch, and every group has members', () => {
    expect(nodes.reduce((sum, n) => sum + n.members, 0)).toBe(19_779);
    for (const branch of nodes.filter((n) => n.kind === 'branch')) {
      const size = branch.members + nodes.filter((g) => g.parentCode === branch.code).reduce((sum, g) => sum + g.members, 0);
      expect(size).toBeGreaterThanOrEqual(8);
      expect(size).toBeLessThanOrEqual(60);
    }
    for (const group of nodes.filter((n) => n.kind === 'party_group')) expect(group.members).toBeGreaterThanOrEqual(3);
  });

  it('lists parents before children, with unique codes and roster nodes that exist', () => {
    const seen = new Set(['WC']);
    for (const node of nodes) {
      expect(seen.has(node.parentCode)).toBe(true);
      expect(seen.has(node.code)).toBe(false);
      seen.add(node.code);
    }
    for (const node of nodes) expect(nodes.some((n) => n.code === node.rosterCode && n.kind !== 'unit_organization')).toBe(true);
  });

  it('lets some committee terms end within 90 days and some end before today', () => {
    const endsOn = (n: (typeof nodes)[number]) => {
      const d = new Date(`${n.termStart}T00:00:00Z`);
      d.setUTCFullYear(d.getUTCFullYear() + n.termYears);
      return d.toISOString().slice(0, 10);
    };
    const withTerms = nodes.filter((n) => n.termStart !== null);
    expect(withTerms.some((n) => endsOn(n) < input.today)).toBe(true);
    expect(withTerms.some((n) => endsOn(n) >= input.today && endsOn(n) <= '2027-03-02')).toBe(true);
    expect(withTerms.every((n) => n.termStart! <= input.today)).toBe(true);
  });

  it('is the same plan every run', () => {
    expect(planOrganization(input)).toEqual(nodes);
  });
});

describe('nextLink', () => {
  it('finds the rel="next" link and decodes its entities', () => {
    const html = '<nav><a href="/admin/audit">首页</a><a rel="prev" href="/x?cursor=b1">上一页</a><a href="/admin/records?node=5&amp;cursor=YS0x" rel="next">下一页</a></nav>';
    expect(nextLink(html)).toBe('/admin/records?node=5&cursor=YS0x');
  });

  it('answers null on the last page', () => {
    expect(nextLink('<span aria-disabled="true">下一页</span><a rel="prev" href="/a">上一页</a>')).toBeNull();
  });
});

describe('fillPlaceholders', () => {
  const fixtures = { unitId: 85, personId: 7, secretaryPersonId: 9, secretary: { branchId: 141 } } as OrgFixtures;

  it('fills the corpus ids', () => {
    expect(fillPlaceholders('/admin/compliance?branch={unitId}&year=2025', fixtures)).toBe('/admin/compliance?branch=85&year=2025');
    expect(fillPlaceholders('/admin/people/{secretaryPersonId}', fixtures)).toBe('/admin/people/9');
  });

  it('refuses a placeholder it does not know', () => {
    expect(() => fillPlaceholders('/admin/records?node={unit}', fixtures)).toThrow(/unknown placeholder/);
  });
});
