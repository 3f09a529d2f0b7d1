import type { BranchKind } from '../db/schema/branches';
import { seededRandom } from '../tasks/seed/random';
import { CITY, departments, generalBranchParts, ordinal } from './org-names';

// The shape of the city's organization tree, planned in memory (it is small: ~770 nodes) before
// bench/org-corpus.ts writes it and fills it with people and records in SQL.

export type PlannedNode = {
  code: string;
  parentCode: string;
  kind: Exclude<BranchKind, 'work_committee'>;
  name: string;
  unitName: string;
  establishedOn: string;
  /** People whose `branch_id` is this node (branches and party groups hold the roster). */
  members: number;
  /** Share of required meetings this node skips, so compliance is not all green. */
  gapRate: number;
  /** Committee seats (书记, 副书记, 组织委员 …) filled from the roster; 0 for party groups. */
  seats: number;
  /** Start of the current committee term; the previous term ran the `termYears` before it. */
  termStart: string | null;
  termYears: number;
  /** The node whose roster fills the committee seats (a unit's or general branch's first branch). */
  rosterCode: string;
};

export type PlanInput = {
  /** Unit organizations and grass-roots nodes the database must hold in total. */
  units: number;
  grassRoots: number;
  /** How many of each the demo seed already has; the plan adds the rest. */
  existingUnits: number;
  existingGrassRoots: number;
  /** People the plan spreads over its branches and groups. */
  people: number;
  /** Unit names the demo already uses. */
  takenUnitNames: ReadonlySet<string>;
  rootCode: string;
  /** Today, YYYY-MM-DD (Asia/Shanghai): terms are placed around it. */
  today: string;
  seed?: number;
};

// Committee terms in years (tasks/seed/rules.ts termYears).
const TERM_YEARS = { unit_organization: 5, general_branch: 3, branch: 3, party_group: 3 } as const;

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function shiftYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** Splits `total` into parts proportional to `weights`, each at least `min`, summing exactly. */
export function apportion(total: number, weights: number[], min: number): number[] {
  if (weights.length === 0) return [];
  if (total < min * weights.length) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(min, Math.round((total * w) / sum)));
  let diff = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % parts.length) {
    if (diff > 0) {
      parts[i]! += 1;
      diff -= 1;
    } else if (parts[i]! > min) {
      parts[i]! -= 1;
      diff += 1;
    }
  }
  return parts;
}

const unitNameOf = (department: string) => (department.startsWith('市') ? `${CITY}${department}` : department);

export function planOrganization(input: PlanInput): PlannedNode[] {
  const random = seededRandom(input.seed ?? 20_180_828);
  const unitCount = input.units - input.existingUnits;
  const nodeCount = input.grassRoots - input.existingGrassRoots;
  if (unitCount <= 0 || nodeCount < unitCount) throw new Error(`nothing sensible to add: ${unitCount} units, ${nodeCount} grass-roots nodes`);
  const names = departments.filter((d) => !input.takenUnitNames.has(unitNameOf(d)));
  if (names.length < unitCount) throw new Error(`only ${names.length} unused department names for ${unitCount} units`);

  // Large organs (public security, tax) have many branches, small ones two or three.
  const perUnit = apportion(
    nodeCount,
    Array.from({ length: unitCount }, () => 0.4 + random.next() * random.next() * 3),
    2,
  );

  const nodes: PlannedNode[] = [];
  const term = (kind: PlannedNode['kind']) => {
    const years = TERM_YEARS[kind];
    const roll = random.next();
    // Most current terms end comfortably later; some within the 90-day warning; some have ended.
    const endsInDays = roll < 0.8 ? random.int(91, years * 365 - 30) : roll < 0.92 ? random.int(0, 90) : -random.int(1, 120);
    return { termStart: shiftYears(shiftDays(input.today, endsInDays), -years), termYears: years };
  };
  const gapRate = () => {
    const roll = random.next();
    return roll < 0.7 ? 0.02 : roll < 0.9 ? 0.08 : 0.25;
  };
  const established = (fromYear: number, toYear: number) =>
    `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

  perUnit.forEach((count, u) => {
    const department = names[u]!;
    const unitName = unitNameOf(department);
    const unitCode = `BU${String(u + 1).padStart(2, '0')}`;
    const hasGeneral = count >= 7 && random.next() < 0.5;
    const groups = Math.floor(count * 0.15);
    const branchCount = count - groups - (hasGeneral ? 1 : 0);
    const unit: PlannedNode = {
      code: unitCode,
      parentCode: input.rootCode,
      kind: 'unit_organization',
      name: `中共${unitName}机关委员会`,
      unitName,
      establishedOn: established(1984, 2000),
      members: 0,
      gapRate: 0,
      seats: 5,
      ...term('unit_organization'),
      rosterCode: `${unitCode}-B1`,
    };
    nodes.push(unit);
    let general: PlannedNode | undefined;
    if (hasGeneral) {
      const part = generalBranchParts[random.int(0, generalBranchParts.length - 1)]!;
      general = {
        code: `${unitCode}-G1`,
        parentCode: unitCode,
        kind: 'general_branch',
        name: `中共${unitName}${part}总支部委员会`,
        unitName,
        establishedOn: established(2000, 2010),
        members: 0,
        gapRate: 0,
        seats: 5,
        ...term('general_branch'),
        // Set below, once its branches exist.
        rosterCode: '',
      };
      nodes.push(general);
    }
    // The last few branches of a unit with a general branch sit under it.
    const underGeneral = general ? Math.min(3, branchCount - 1) : 0;
    const branchCodes: string[] = [];
    for (let b = 1; b <= branchCount; b++) {
      const code = `${unitCode}-B${b}`;
      const parent = general && b > branchCount - underGeneral ? general : unit;
      branchCodes.push(code);
      nodes.push({
        code,
        parentCode: parent.code,
        kind: 'branch',
        name: `中共${unitName}机关${ordinal(b)}支部委员会`,
        unitName,
        establishedOn: established(2005, 2016),
        // Apportioned below over all branches.
        members: 0,
        gapRate: gapRate(),
        seats: 0,
        ...term('branch'),
        rosterCode: code,
      });
      if (general && parent === general && !general.rosterCode) general.rosterCode = code;
    }
    if (general && !general.rosterCode) general.rosterCode = branchCodes[0]!;
    for (let g = 1; g <= groups; g++) {
      const branchCode = branchCodes[(g - 1) % branchCodes.length]!;
      const index = Math.floor((g - 1) / branchCodes.length) + 1;
      const branch = nodes.find((n) => n.code === branchCode)!;
      nodes.push({
        code: `${branchCode}-P${index}`,
        parentCode: branchCode,
        kind: 'party_group',
        name: `${branch.name.replace(/委员会$/, '')}${ordinal(index)}党小组`,
        unitName,
        establishedOn: shiftDays(branch.establishedOn, random.int(30, 900)),
        members: 0,
        gapRate: gapRate(),
        seats: 0,
        termStart: null,
        termYears: TERM_YEARS.party_group,
        rosterCode: `${branchCode}-P${index}`,
      });
    }
  });

  // A branch (with its groups) has 20 to 54 people, scaled so all of them add up exactly.
  const branches = nodes.filter((n) => n.kind === 'branch');
  const sizes = apportion(input.people, branches.map(() => 20 + random.next() * 34), 8);
  branches.forEach((branch, i) => {
    const groups = nodes.filter((n) => n.kind === 'party_group' && n.parentCode === branch.code);
    const size = sizes[i]!;
    const inGroups = groups.length === 0 ? 0 : Math.max(3 * groups.length, Math.floor(size * 0.3));
    const groupSizes = apportion(inGroups, groups.map(() => 1), 3);
    groups.forEach((group, g) => (group.members = groupSizes[g]!));
    branch.members = size - inGroups;
    // 7 or more full members elect a committee of 3 to 5; a small branch has a secretary only.
    branch.seats = size >= 30 ? 5 : size >= 12 ? 3 : 1;
  });
  return nodes;
}
