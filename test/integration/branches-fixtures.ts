import { count, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { activityRecords } from '@/db/schema/activities';
import { auditLog } from '@/db/schema/audit';
import { branches } from '@/db/schema/branches';
import { committeePositions, people } from '@/db/schema/people';

// Rows for the tree and roster tests, inserted directly (the commands under test are not used
// to make their own fixtures).

let made = 0;

export async function branchRow(db: Database, code: string) {
  const [row] = await db.select().from(branches).where(eq(branches.code, code));
  if (!row) throw new Error(`no branch ${code}`);
  return row;
}

/** A new node under `parentCode`, of a kind that parent may hold. */
export async function addBranch(db: Database, parentCode: string, kind: typeof branches.$inferInsert.kind = 'branch') {
  const parent = await branchRow(db, parentCode);
  const code = `T-${kind === 'party_group' ? 'P' : 'B'}${++made}-${Date.now().toString(36)}`.toUpperCase();
  const [row] = await db
    .insert(branches)
    .values({ parentId: parent.id, kind, name: `测试组织${made}`, code, unitName: parent.unitName, establishedOn: '2020-01-01' })
    .returning();
  return row!;
}

export async function addPerson(db: Database, branchId: number, values: Partial<typeof people.$inferInsert> = {}) {
  const [row] = await db
    .insert(people)
    .values({ branchId, name: `测试人员${++made}`, status: 'full_member', joinedPartyOn: '2010-07-01', phone: '13900001111', ...values })
    .returning();
  return row!;
}

export async function addTerm(db: Database, branchId: number, personId: number, values: Partial<typeof committeePositions.$inferInsert> = {}) {
  const [row] = await db
    .insert(committeePositions)
    .values({ branchId, personId, position: 'committee_member', startsOn: '2024-04-10', endsOn: '2027-04-09', ...values })
    .returning();
  return row!;
}

export async function personRow(db: Database, id: number) {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row!;
}

export async function recordCount(db: Database, branchIds: number[]) {
  if (branchIds.length === 0) return 0;
  const [row] = await db.select({ n: count() }).from(activityRecords).where(inArray(activityRecords.branchId, branchIds));
  return row?.n ?? 0;
}

export async function auditCount(db: Database) {
  const [row] = await db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
}

/** Everything a tree or roster action could change, to prove a refusal changed nothing. */
export async function orgSnapshot(db: Database) {
  return {
    branches: await db.select().from(branches).orderBy(branches.id),
    people: await db.select().from(people).orderBy(people.id),
    positions: await db.select().from(committeePositions).orderBy(committeePositions.id),
    audits: await auditCount(db),
  };
}
