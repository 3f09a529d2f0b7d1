import 'server-only';
import { and, desc, eq, gte, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { inspections } from '@/db/schema/inspections';
import { findings } from '@/db/schema/reviews';
import { type Actor, authorize, can, scopeOf } from '@/lib/auth/permissions';
import { inBranchIds, visibleBranchIds } from '@/lib/branches/visible';
import { isCalendarDay, todayInBeijing } from '@/lib/calendar/days';
import { cursorFields, keyset, type KeysetPage, keysetPage, type SortKey } from '@/lib/pagination/keyset';
import { defaultDueOn, findingsWithSteps } from '@/lib/reviews/queries';
import { isOverdue } from '@/lib/reviews/overdue';
import { inspectionStats, type StatFinding } from './stats';
import type { InspectionDetail, InspectionFilters, InspectionFindingRow, InspectionListItem, InspectionStats } from './types';

// Reads of inspections. Each checks `inspections.read`; a secretary sees only released
// inspections of their subtree (and only their findings). Figures count findings by the day raised.

const creator = alias(users, 'creator');
const releaser = alias(users, 'releaser');

/** A branch-scoped reader sees released inspections only. */
const releasedFor = (actor: Actor) => (scopeOf(actor.role, 'inspections.read') === 'branch' ? eq(inspections.status, 'released') : undefined);

/** inspected_on as the cursor keeps it: the calendar day, exact. */
const inspectedOnKey: SortKey<string> = {
  expression: inspections.inspectedOn,
  cursorValue: sql<string>`to_char(${inspections.inspectedOn}, 'YYYY-MM-DD')`,
  parse: (value) => (typeof value === 'string' && isCalendarDay(value) ? value : null),
  operand: (value) => sql`${value}::date`,
};

/** Newest inspection first; served by inspections_inspected_idx (and _branch_idx per node). */
const listOrder = keyset({ sort: inspectedOnKey, id: inspections.id, direction: 'desc' });

const countOf = (where: SQL) => sql<number>`(select count(*) from ${findings} where ${findings.inspectionId} = ${inspections.id} and ${where})`.mapWith(Number);

function listFields(today: string) {
  return {
    id: inspections.id,
    inspectedOn: inspections.inspectedOn,
    branchId: inspections.branchId,
    branchName: branches.name,
    unitName: branches.unitName,
    method: inspections.method,
    scope: inspections.scope,
    status: inspections.status,
    findings: countOf(sql`true`),
    closed: countOf(sql`${findings.state} = 'closed'`),
    overdue: countOf(sql`${findings.state} <> 'closed' and ${findings.dueOn} < ${today}`),
  };
}

/** One page of inspections inspected in the period, newest first, under the filters. */
export async function listInspections(actor: Actor, { cursor, pageSize = 20, ...filters }: InspectionFilters & { cursor?: string | string[]; pageSize?: number }): Promise<KeysetPage<InspectionListItem>> {
  authorize(actor, 'inspections.read');
  const db = await getDb();
  const branchIds = await visibleBranchIds(db, actor, 'inspections.read', filters.node);
  const where = and(
    inBranchIds(inspections.branchId, branchIds),
    releasedFor(actor),
    gte(inspections.inspectedOn, filters.from),
    lte(inspections.inspectedOn, filters.to),
    filters.unit ? eq(branches.unitName, filters.unit) : undefined,
  );
  const today = todayInBeijing();
  return keysetPage({
    keyset: listOrder,
    cursor,
    pageSize,
    rows: (q) =>
      db
        .select({ ...listFields(today), ...cursorFields(listOrder) })
        .from(inspections)
        .innerJoin(branches, eq(branches.id, inspections.branchId))
        .where(and(where, q.where))
        .orderBy(...q.orderBy)
        .limit(q.limit),
  });
}

/** One inspection with its findings and their steps, or null when the actor may not see it. */
export async function getInspection(actor: Actor, id: number): Promise<InspectionDetail | null> {
  authorize(actor, 'inspections.read');
  const db = await getDb();
  const today = todayInBeijing();
  const [row] = await db
    .select({
      ...listFields(today),
      version: inspections.version,
      createdByName: creator.displayName,
      releasedAt: inspections.releasedAt,
      releasedByName: releaser.displayName,
      noticeArticleId: inspections.noticeArticleId,
    })
    .from(inspections)
    .innerJoin(branches, eq(branches.id, inspections.branchId))
    .leftJoin(creator, eq(creator.id, inspections.createdBy))
    .leftJoin(releaser, eq(releaser.id, inspections.releasedBy))
    .where(eq(inspections.id, id));
  if (!row || !can(actor, 'inspections.read', { branchId: row.branchId })) return null;
  const branchScoped = scopeOf(actor.role, 'inspections.read') === 'branch';
  if (branchScoped && row.status !== 'released') return null;
  const canManage = can(actor, 'inspections.manage');
  const [findingList, due] = await Promise.all([findingsWithSteps(eq(findings.inspectionId, id)), canManage ? defaultDueOn(actor) : null]);
  return {
    ...row,
    findingList,
    canManage,
    canAnswer: row.status === 'released' && can(actor, 'reviews.answer', { branchId: row.branchId }),
    canDraftNotice: can(actor, 'inspections.notice') && row.status === 'released' && row.noticeArticleId === null && findingList.every((f) => f.state === 'closed'),
    defaultDueOn: due,
  };
}

/** The inspection findings raised in the period under the filters (not the measure), as SQL. */
async function findingCondition(db: Database, actor: Actor, filters: InspectionFilters): Promise<SQL | undefined> {
  const branchIds = await visibleBranchIds(db, actor, 'inspections.read', filters.node);
  return and(
    eq(findings.source, 'inspection'),
    inBranchIds(findings.branchId, branchIds),
    releasedFor(actor),
    gte(findings.raisedOn, filters.from),
    lte(findings.raisedOn, filters.to),
    filters.unit ? eq(branches.unitName, filters.unit) : undefined,
  );
}

const closedOn = sql<string | null>`to_char(${findings.closedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/** Per unit and in total: raised, closed, overdue today, the rate and the median days to close. */
export async function getInspectionStats(actor: Actor, filters: InspectionFilters): Promise<InspectionStats> {
  authorize(actor, 'inspections.read');
  const db = await getDb();
  const rows: StatFinding[] = await db
    .select({ unitName: branches.unitName, state: findings.state, raisedOn: findings.raisedOn, dueOn: findings.dueOn, closedOn })
    .from(findings)
    .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
    .innerJoin(branches, eq(branches.id, findings.branchId))
    .where(await findingCondition(db, actor, filters));
  return inspectionStats(rows, todayInBeijing(), '合计');
}

export const FINDING_LIST_LIMIT = 500;
export const FINDING_EXPORT_LIMIT = 5000;

/** The findings behind a figure (the measure), newest raised first, at most `limit`. */
export async function listInspectionFindings(actor: Actor, filters: InspectionFilters, { limit = FINDING_LIST_LIMIT }: { limit?: number } = {}): Promise<InspectionFindingRow[]> {
  authorize(actor, 'inspections.read');
  const db = await getDb();
  const today = todayInBeijing();
  const measure =
    filters.measure === 'closed' ? eq(findings.state, 'closed') : filters.measure === 'overdue' ? and(ne(findings.state, 'closed'), lt(findings.dueOn, today)) : undefined;
  const rows = await db
    .select({
      id: findings.id,
      inspectionId: inspections.id,
      inspectedOn: inspections.inspectedOn,
      method: inspections.method,
      branchName: branches.name,
      unitName: branches.unitName,
      category: findings.category,
      comment: findings.comment,
      raisedOn: findings.raisedOn,
      dueOn: findings.dueOn,
      state: findings.state,
      closedOn,
    })
    .from(findings)
    .innerJoin(inspections, eq(inspections.id, findings.inspectionId))
    .innerJoin(branches, eq(branches.id, findings.branchId))
    .where(and(await findingCondition(db, actor, filters), measure))
    .orderBy(desc(findings.raisedOn), desc(findings.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
}
