import 'server-only';
import { type Actor, authorize } from '@/lib/auth/permissions';
import { asc, count, desc, eq, ilike, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { countOf, type Page, paginate } from '@/lib/pagination/offset';
import type { Role } from '@/lib/auth/roles';

// Reads for user administration; each checks the caller's permission itself.

export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  branchName: string | null;
  lastLoginAt: Date | null;
};

export async function listUsers(actor: Actor, { q, page, pageSize = 20 }: { q: string; page: number; pageSize?: number }): Promise<Page<UserRow>> {
  authorize(actor, 'users.read');
  const db = await getDb();
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const where = q ? or(ilike(users.username, pattern), ilike(users.displayName, pattern)) : undefined;
  return paginate({
    page,
    pageSize,
    rows: ({ limit, offset }) =>
      db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          active: users.active,
          branchName: branches.name,
          lastLoginAt: users.lastLoginAt,
        })
        .from(users)
        .leftJoin(branches, eq(branches.id, users.branchId))
        .where(where)
        .orderBy(desc(users.active), asc(users.username))
        .limit(limit)
        .offset(offset),
    count: () => db.select({ n: count() }).from(users).where(where).then(countOf),
  });
}

export async function getUser(actor: Actor, id: number) {
  authorize(actor, 'users.read');
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      branchId: users.branchId,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      version: users.version,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}
