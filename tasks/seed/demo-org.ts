import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { people } from '@/db/schema/people';
import { seedBranches } from './content/branches';
import { seedFemaleNames, seedPersonNames } from './content/people';

export const DEMO_PASSWORD = 'portal-demo';
export const DEMO_SECRETARY_BRANCH = 'U01-B1';

/** Inserts the branch tree parent-first; returns branch ids by code. */
export async function seedBranchTree(db: Database): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, branch] of seedBranches.entries()) {
    const parentId = branch.parentCode ? ids.get(branch.parentCode) : null;
    if (parentId === undefined) throw new Error(`Seed branch ${branch.code} names unknown parent ${branch.parentCode}`);
    const { parentCode: _parent, ...fields } = branch;
    const [row] = await db
      .insert(branches)
      .values({ ...fields, parentId, sortOrder: index })
      .returning({ id: branches.id });
    ids.set(branch.code, row!.id);
  }
  return ids;
}

export async function seedDemoAccounts(db: Database, branchIds: Map<string, number>) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = [
    { username: 'admin', displayName: '工委办公室 周明', role: 'admin' as const, branchId: null },
    { username: 'editor', displayName: '宣传科 林晓', role: 'editor' as const, branchId: null },
    { username: 'secretary', displayName: '支部书记 陈思远', role: 'branch_secretary' as const, branchId: branchIds.get(DEMO_SECRETARY_BRANCH)! },
    { username: 'auditor', displayName: '督查室 赵敏', role: 'auditor' as const, branchId: null },
  ];
  const rows = await db
    .insert(users)
    .values(accounts.map((a) => ({ ...a, passwordHash })))
    .returning({ id: users.id, username: users.username });
  return new Map(rows.map((r) => [r.username, r.id]));
}

/** Spreads the seed names over the first branches (the demo secretary's branch first). */
export async function seedPeople(db: Database, branchIds: Map<string, number>) {
  const branchCodes = seedBranches.filter((b) => b.kind === 'branch').map((b) => b.code);
  const ordered = [DEMO_SECRETARY_BRANCH, ...branchCodes.filter((c) => c !== DEMO_SECRETARY_BRANCH)].slice(0, 8);
  const perBranch = Math.floor(seedPersonNames.length / ordered.length);
  const values = seedPersonNames.map((name, i) => {
    const code = ordered[Math.min(Math.floor(i / perBranch), ordered.length - 1)]!;
    const position = i % perBranch === 0 ? ('secretary' as const) : i % perBranch === 1 ? ('deputy_secretary' as const) : ('member' as const);
    return {
      branchId: branchIds.get(code)!,
      name,
      gender: seedFemaleNames.has(name) ? ('female' as const) : ('male' as const),
      partyPosition: position,
      jobTitle: position === 'member' ? '科员' : '科长',
    };
  });
  return db.insert(people).values(values).returning({ id: people.id, branchId: people.branchId, name: people.name, partyPosition: people.partyPosition });
}
