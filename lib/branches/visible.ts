import 'server-only';
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/open';
import { type Action, type Actor, scopeOf } from '@/lib/auth/permissions';
import { branchSubtree } from './queries';

// Which branches a list may show: the actor's scope for the action, narrowed to a chosen node's
// subtree. Shared by the lists that filter by node (the review queue, the inspections).

/** The branches `actor` may see for `action` (null: every branch), within `node`'s subtree when one is chosen. */
export async function visibleBranchIds(db: Database, actor: Actor, action: Action, node: number | undefined): Promise<readonly number[] | null> {
  const scope = scopeOf(actor.role, action) === 'branch' ? (actor.branchScope ?? []) : null;
  if (!node) return scope;
  const subtree = await branchSubtree(db, node);
  return scope ? subtree.filter((id) => scope.includes(id)) : subtree;
}

/** `column` restricted to `ids`; no condition when `ids` is null (every branch), none matching when empty. */
export const inBranchIds = (column: AnyPgColumn, ids: readonly number[] | null): SQL | undefined =>
  ids === null ? undefined : ids.length ? inArray(column, [...ids]) : sql`false`;
