import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { developmentRecords } from '@/db/schema/development';
import { committeePositions, people, personTransfers } from '@/db/schema/people';
import { appendAudit } from '@/lib/audit/append';
import { clientIp } from '@/lib/auth/client-ip';
import { type Actor, authorize, can } from '@/lib/auth/permissions';
import { branchPath, branchSubtree } from '@/lib/branches/queries';
import { cursorFields, keyset, keysetPage, type SortKey } from '@/lib/pagination/keyset';
import { todayInBeijing } from '@/lib/calendar/days';
import { personAttendance } from './attendance';
import { maskPhone } from './labels';
import type { PeopleFilters } from './schemas';
import type { AccountOption, PeopleList, PersonDetail } from './types';

// Reads of the roster. Personal data: each read checks 'people.read' within the reader's branch
// scope, lists show phones masked, and every read of a person's detail appends an audit row.

/** `%` and `_` in user input are literal characters, not wildcards. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

const nameKey: SortKey<string> = {
  expression: people.name,
  cursorValue: sql<string>`${people.name}`,
  parse: (value) => (typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null),
  operand: (value) => sql`${value}`,
};

/** The roster's order: by name, the id breaking ties (people_name_idx). */
export const peopleOrder = keyset({ sort: nameKey, id: people.id, direction: 'asc' });

/**
 * The branches a list covers: the chosen node and everything below it, cut to the reader's
 * scope; null for "everywhere". AppError('forbidden') when a scoped reader picks a node outside it.
 */
async function coveredBranches(db: Database, actor: Actor, branchId: number | undefined): Promise<number[] | null> {
  if (branchId === undefined) return actor.branchScope ? [...actor.branchScope] : null;
  authorize(actor, 'people.read', { branchId });
  return branchSubtree(db, branchId);
}

/** One page of the roster at `cursor`, filtered by node (with its subtree), status and name. */
export async function listPeople(actor: Actor, { cursor, pageSize = 30, ...filters }: PeopleFilters & { cursor?: string | string[]; pageSize?: number }): Promise<PeopleList> {
  authorize(actor, 'people.read');
  const db = await getDb();
  const covered = await coveredBranches(db, actor, filters.branchId);
  const where: SQL | undefined = and(
    covered ? inArray(people.branchId, covered.length ? covered : [0]) : undefined,
    filters.status ? eq(people.status, filters.status) : undefined,
    filters.q ? ilike(people.name, `%${escapeLike(filters.q)}%`) : undefined,
  );
  const [page, [counted]] = await Promise.all([
    keysetPage({
      keyset: peopleOrder,
      cursor,
      pageSize,
      rows: (q) =>
        db
          .select({
            id: people.id,
            name: people.name,
            gender: people.gender,
            status: people.status,
            statusSince: people.statusSince,
            joinedPartyOn: people.joinedPartyOn,
            jobTitle: people.jobTitle,
            phone: people.phone,
            branchId: people.branchId,
            branchName: branches.name,
            ...cursorFields(peopleOrder),
          })
          .from(people)
          .innerJoin(branches, eq(branches.id, people.branchId))
          .where(and(where, q.where))
          .orderBy(...q.orderBy)
          .limit(q.limit),
    }),
    db.select({ n: count() }).from(people).where(where),
  ]);
  // The full number never leaves this function for a list.
  const items = page.items.map(({ phone, ...item }) => ({ ...item, maskedPhone: maskPhone(phone) }));
  return { ...page, items, total: counted?.n ?? 0 };
}

/**
 * A person's whole record. Refused (AppError 'forbidden', nothing logged) outside the reader's
 * scope; otherwise the read itself is appended to the audit trail before the data is returned.
 * Null when there is no such person.
 */
export async function getPersonDetail(actor: Actor & { username: string }, id: number): Promise<PersonDetail | null> {
  authorize(actor, 'people.read');
  const db = await getDb();
  const [row] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  if (!row) return null;
  authorize(actor, 'people.read', { branchId: row.branchId });
  const ip = clientIp(await headers());
  const fromBranch = aliasedTable(branches, 'from_branch');
  const toBranch = aliasedTable(branches, 'to_branch');
  const [branch, path, positions, transfers, account, attendance, developmentFile] = await Promise.all([
    db.select({ id: branches.id, name: branches.name, code: branches.code, dissolvedOn: branches.dissolvedOn }).from(branches).where(eq(branches.id, row.branchId)),
    branchPath(db, row.branchId),
    db
      .select({
        id: committeePositions.id,
        branchId: committeePositions.branchId,
        branchName: branches.name,
        position: committeePositions.position,
        startsOn: committeePositions.startsOn,
        endsOn: committeePositions.endsOn,
        endedOn: committeePositions.endedOn,
      })
      .from(committeePositions)
      .innerJoin(branches, eq(branches.id, committeePositions.branchId))
      .where(eq(committeePositions.personId, id))
      .orderBy(desc(committeePositions.startsOn)),
    db
      .select({
        id: personTransfers.id,
        fromBranchId: personTransfers.fromBranchId,
        fromBranchName: fromBranch.name,
        toBranchId: personTransfers.toBranchId,
        toBranchName: toBranch.name,
        transferredOn: personTransfers.transferredOn,
        reason: personTransfers.reason,
        createdByName: users.displayName,
      })
      .from(personTransfers)
      .innerJoin(fromBranch, eq(fromBranch.id, personTransfers.fromBranchId))
      .innerJoin(toBranch, eq(toBranch.id, personTransfers.toBranchId))
      .leftJoin(users, eq(users.id, personTransfers.createdBy))
      .where(eq(personTransfers.personId, id))
      .orderBy(desc(personTransfers.transferredOn), desc(personTransfers.id)),
    row.userId ? db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, row.userId)) : Promise.resolve([]),
    personAttendance(db, id, todayInBeijing()),
    db.select({ id: developmentRecords.id }).from(developmentRecords).where(eq(developmentRecords.personId, id)).limit(1),
  ]);
  await db.transaction((tx) => appendAudit(tx, { id: actor.id, name: actor.username, role: actor.role, ip }, { action: 'person.read', entityType: 'person', entityId: id }));
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    phone: row.phone,
    jobTitle: row.jobTitle,
    status: row.status,
    statusSince: row.statusSince,
    joinedPartyOn: row.joinedPartyOn,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    branch: branch[0]!,
    branchPath: path.slice(0, -1).map((n) => ({ id: n.id, name: n.name })),
    positions,
    transfers,
    account: account[0] ?? null,
    attendance,
    canManage: can(actor, 'people.manage', { branchId: row.branchId }),
    canLinkAccount: can(actor, 'users.manage'),
    hasDevelopmentFile: developmentFile.length > 0 && can(actor, 'development.read', { branchId: row.branchId }),
    canOpenDevelopmentFile: developmentFile.length === 0 && row.status === 'applicant' && can(actor, 'development.write', { branchId: row.branchId }),
  };
}

/** Members on one node (not below it), for the committee appointment's select. */
export async function listNodeRoster(actor: Actor, branchId: number): Promise<{ id: number; label: string }[]> {
  authorize(actor, 'people.read', { branchId });
  const db = await getDb();
  const rows = await db.select({ id: people.id, name: people.name, jobTitle: people.jobTitle }).from(people).where(eq(people.branchId, branchId)).orderBy(asc(people.name), asc(people.id));
  return rows.map((r) => ({ id: r.id, label: r.jobTitle ? `${r.name}（${r.jobTitle}）` : r.name }));
}

/** Active accounts not yet linked to a person, for the link form (admins only). */
export async function listLinkableAccounts(actor: Actor): Promise<AccountOption[]> {
  authorize(actor, 'users.manage');
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .leftJoin(people, eq(people.userId, users.id))
    .where(and(eq(users.active, true), isNull(people.id)))
    .orderBy(asc(users.username));
  return rows.map((r) => ({ id: r.id, label: `${r.displayName}（${r.username}）` }));
}
