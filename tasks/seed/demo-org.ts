import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { branches, type BranchKind } from '@/db/schema/branches';
import { committeePositions, people, type CommitteePositionKind } from '@/db/schema/people';
import { seedBranches } from './content/branches';
import { seedFemaleNames, seedPersonNames } from './content/people';
import { addDays, seededRandom } from './random';
import { branchRules2018 } from './rules';

export const DEMO_PASSWORD = 'portal-demo';
export const DEMO_SECRETARY_BRANCH = 'U01-B1';
// The second secretary signs in for the 财政局 unit organization: another subtree than the first.
export const DEMO_SECOND_SECRETARY_BRANCH = 'U02';
// Branches whose roster is seeded in full (the first ones the record book and training use).
export const ROSTER_BRANCHES = [DEMO_SECRETARY_BRANCH, 'U01-B2', 'U02-B1', 'U02-B2', 'U03-G1-B1', 'U04-B1', 'U05-B1', 'U06-B2'];
// U01-B1's first party group holds some of the branch's members (a member sits on one node).
const DEMO_GROUP = 'U01-B1-P1';

export type SeedPerson = { id: number; branchId: number; name: string; position: CommitteePositionKind | null };

/** Inserts the branch tree parent-first; returns branch ids by code. */
export async function seedBranchTree(db: Database): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, branch] of seedBranches.entries()) {
    const parentId = branch.parentCode ? ids.get(branch.parentCode) : null;
    if (parentId === undefined) throw new Error(`Seed branch ${branch.code} names unknown parent ${branch.parentCode}`);
    const { parentCode: _parent, secretaryName: _secretary, deputySecretaryName: _deputy, ...fields } = branch;
    const [row] = await db
      .insert(branches)
      .values({ ...fields, parentId, sortOrder: index })
      .returning({ id: branches.id });
    ids.set(branch.code, row!.id);
  }
  return ids;
}

/** The demo accounts; each secretary is linked to the person row of the same name in their node. */
export async function seedDemoAccounts(db: Database, branchIds: Map<string, number>) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const secretaryOf = (code: string) => seedBranches.find((b) => b.code === code)!.secretaryName!;
  const accounts = [
    { username: 'admin', displayName: '工委办公室 周明', role: 'admin' as const, branchId: null },
    { username: 'editor', displayName: '宣传科 林晓', role: 'editor' as const, branchId: null },
    { username: 'secretary', displayName: `支部书记 ${secretaryOf(DEMO_SECRETARY_BRANCH)}`, role: 'branch_secretary' as const, branchId: branchIds.get(DEMO_SECRETARY_BRANCH)! },
    { username: 'secretary2', displayName: `机关党委书记 ${secretaryOf(DEMO_SECOND_SECRETARY_BRANCH)}`, role: 'branch_secretary' as const, branchId: branchIds.get(DEMO_SECOND_SECRETARY_BRANCH)! },
    { username: 'auditor', displayName: '督查室 赵敏', role: 'auditor' as const, branchId: null },
  ];
  const rows = await db
    .insert(users)
    .values(accounts.map((a) => ({ ...a, passwordHash })))
    .returning({ id: users.id, username: users.username });
  return new Map(rows.map((r) => [r.username, r.id]));
}

const termYears = branchRules2018.rules.termYears as Partial<Record<BranchKind, number>>;

function addYears(isoDate: string, years: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return addDays(d.toISOString().slice(0, 10), -1);
}

/**
 * The roster: each node's secretary and deputy (named in the branch content) as people of the
 * node holding those positions, and the members of the first branches. Terms start on dates
 * chosen so that the demo shows one term ending within 90 days and one that has ended.
 */
export async function seedPeople(db: Database, branchIds: Map<string, number>, accountIds: Map<string, number>): Promise<SeedPerson[]> {
  const rand = seededRandom(1921);
  const phone = () => `1${rand.pick(['35', '37', '39', '58', '86', '89'])}${String(rand.int(0, 99_999_999)).padStart(8, '0')}`;
  const joined = () => addDays('1995-01-01', rand.int(0, 9_500));
  const person = (branchCode: string, name: string, jobTitle: string) => ({
    branchId: branchIds.get(branchCode)!,
    name,
    gender: seedFemaleNames.has(name) ? ('female' as const) : ('male' as const),
    birthDate: addDays('1966-01-01', rand.int(0, 11_000)),
    phone: phone(),
    jobTitle,
    status: 'full_member' as const,
    joinedPartyOn: joined(),
  });

  const leaders = seedBranches.flatMap((b) => [
    ...(b.secretaryName ? [{ code: b.code, kind: b.kind, name: b.secretaryName, position: 'secretary' as const }] : []),
    ...(b.deputySecretaryName ? [{ code: b.code, kind: b.kind, name: b.deputySecretaryName, position: 'deputy_secretary' as const }] : []),
  ]);
  const leaderRows = await db
    .insert(people)
    .values(leaders.map((l) => person(l.code, l.name, l.kind === 'unit_organization' || l.kind === 'work_committee' ? '处长' : '科长')))
    .returning({ id: people.id, branchId: people.branchId, name: people.name });

  // Terms: most started in spring 2024; a few are dated to show the warnings.
  const termStart = (code: string, kind: BranchKind) => {
    if (code === 'U01-B2') return '2024-01-20'; // ends 2027-01-19: within 90 days of December 2026
    if (code === 'U02-B3') return '2023-09-30'; // ended 2026-09-29 with no successor
    return kind === 'unit_organization' || kind === 'work_committee' ? '2022-06-15' : '2024-04-10';
  };
  const positionRows = leaders.flatMap((l, i) => {
    const years = termYears[l.kind];
    if (!years) return [];
    const startsOn = termStart(l.code, l.kind);
    return [{ branchId: leaderRows[i]!.branchId, personId: leaderRows[i]!.id, position: l.position, startsOn, endsOn: addYears(startsOn, years) }];
  });
  if (positionRows.length) await db.insert(committeePositions).values(positionRows);

  // The members of the roster branches; in U01-B1 a third of them sit on its first party group.
  const perBranch = Math.floor(seedPersonNames.length / ROSTER_BRANCHES.length);
  const members = seedPersonNames.map((name, i) => {
    const index = Math.min(Math.floor(i / perBranch), ROSTER_BRANCHES.length - 1);
    const code = ROSTER_BRANCHES[index]!;
    const inGroup = code === DEMO_SECRETARY_BRANCH && i % 3 === 0;
    return person(inGroup ? DEMO_GROUP : code, name, '科员');
  });
  const memberRows = await db.insert(people).values(members).returning({ id: people.id, branchId: people.branchId, name: people.name });

  // Each roster branch's first two members are its 组织委员 and 宣传委员 for the same term.
  const committee = ROSTER_BRANCHES.flatMap((code) => {
    const branchId = branchIds.get(code)!;
    const inBranch = memberRows.filter((m) => m.branchId === branchId).slice(0, 2);
    const startsOn = termStart(code, 'branch');
    return inBranch.map((m, i) => ({
      branchId,
      personId: m.id,
      position: (i === 0 ? 'organization_member' : 'propaganda_member') as CommitteePositionKind,
      startsOn,
      endsOn: addYears(startsOn, termYears.branch!),
    }));
  });
  await db.insert(committeePositions).values(committee);

  // The secretaries' accounts belong to their own person rows.
  for (const [username, code] of [
    ['secretary', DEMO_SECRETARY_BRANCH],
    ['secretary2', DEMO_SECOND_SECRETARY_BRANCH],
  ] as const) {
    const name = seedBranches.find((b) => b.code === code)!.secretaryName!;
    const row = leaderRows.find((p) => p.branchId === branchIds.get(code) && p.name === name)!;
    await db.update(people).set({ userId: accountIds.get(username)! }).where(eq(people.id, row.id));
  }

  const positionOf = new Map<number, CommitteePositionKind>();
  for (const p of [...positionRows, ...committee]) positionOf.set(p.personId, p.position);
  return [...leaderRows, ...memberRows].map((p) => ({ ...p, position: positionOf.get(p.id) ?? null }));
}
