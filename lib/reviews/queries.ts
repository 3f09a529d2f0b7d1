import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { selectRows } from '@/db/rows';
import { users } from '@/db/schema/accounts';
import { activityRecords } from '@/db/schema/activities';
import { branches, branchRuleSets } from '@/db/schema/branches';
import { findings, findingSteps } from '@/db/schema/reviews';
import { type Actor, authorize, can } from '@/lib/auth/permissions';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { releasedToBranch } from '@/lib/inspections/visibility';
import { isOverdue } from './overdue';
import { reviewScope } from './queue';
import type { Finding, FindingState, FindingStep, FindingWithSteps, RecordReview, UnitOverdue } from './types';

// Reads of findings. Each checks `reviews.read` and keeps a secretary inside their subtree
// (findings.branch_id is the node that must rectify).

const raiser = alias(users, 'raiser');

const findingFields = {
  id: findings.id,
  version: findings.version,
  branchId: findings.branchId,
  branchName: branches.name,
  recordId: findings.recordId,
  recordRevision: findings.recordRevision,
  recordTopic: activityRecords.topic,
  inspectionId: findings.inspectionId,
  category: findings.category,
  comment: findings.comment,
  dueOn: findings.dueOn,
  state: findings.state,
  raisedOn: findings.raisedOn,
  raisedByName: raiser.displayName,
};

function selectFindings(db: Awaited<ReturnType<typeof getDb>>, where: SQL | undefined) {
  return db
    .select(findingFields)
    .from(findings)
    .innerJoin(branches, eq(branches.id, findings.branchId))
    .leftJoin(activityRecords, eq(activityRecords.id, findings.recordId))
    .leftJoin(raiser, eq(raiser.id, findings.raisedBy))
    .where(where);
}

const withOverdue = (today: string) => (f: Omit<Finding, 'overdue'>): Finding => ({ ...f, overdue: isOverdue(f, today) });

/** A branch-scoped actor: findings of their subtree, an inspection's only once it is released. */
function scoped(actor: Actor): SQL | undefined {
  const scope = reviewScope(actor);
  return scope === null ? undefined : scope.length ? and(inArray(findings.branchId, [...scope]), releasedToBranch()) : sql`false`;
}

/** The findings on a record, oldest first, each with its steps (who and when). */
export async function findingsOfRecord(actor: Actor, record: { id: number; branchId: number }): Promise<FindingWithSteps[]> {
  authorize(actor, 'reviews.read', { branchId: record.branchId });
  return findingsWithSteps(eq(findings.recordId, record.id));
}

/**
 * The findings matching `where`, oldest first, each with its steps. No permission check: the
 * caller (this module, lib/inspections) has authorized the record or inspection they belong to.
 */
export async function findingsWithSteps(where: SQL): Promise<FindingWithSteps[]> {
  const db = await getDb();
  const rows = await selectFindings(db, where).orderBy(asc(findings.id));
  if (rows.length === 0) return [];
  const steps = await db
    .select({
      findingId: findingSteps.findingId,
      id: findingSteps.id,
      kind: findingSteps.kind,
      note: findingSteps.note,
      correctedRevision: findingSteps.correctedRevision,
      dueOn: findingSteps.dueOn,
      actorName: users.displayName,
      createdAt: findingSteps.createdAt,
    })
    .from(findingSteps)
    .leftJoin(users, eq(users.id, findingSteps.actorId))
    .where(inArray(findingSteps.findingId, rows.map((r) => r.id)))
    .orderBy(asc(findingSteps.id));
  const today = todayInBeijing();
  return rows.map((r) => ({
    ...withOverdue(today)(r),
    steps: steps.filter((s) => s.findingId === r.id).map(({ findingId: _f, ...s }): FindingStep => s),
  }));
}

export const OPEN_FINDINGS_LIMIT = 100;

/**
 * Findings not yet closed in the actor's reach (a secretary: their subtree), the earliest due
 * first; `state` narrows to one state (an auditor's 待复查 list). At most OPEN_FINDINGS_LIMIT.
 */
export async function openFindings(actor: Actor, { state, limit = OPEN_FINDINGS_LIMIT }: { state?: Exclude<FindingState, 'closed'>; limit?: number } = {}): Promise<Finding[]> {
  authorize(actor, 'reviews.read');
  const db = await getDb();
  const rows = await selectFindings(db, and(scoped(actor), state ? eq(findings.state, state) : ne(findings.state, 'closed')))
    .orderBy(asc(findings.dueOn), asc(findings.id))
    .limit(limit);
  return rows.map(withOverdue(todayInBeijing()));
}

/**
 * Per unit (the unit name of the rectifying node), the findings raised in [from, to] by the
 * day they were raised: how many, closed, still open, and overdue today.
 */
export async function overduePerUnit(actor: Actor, { from, to }: { from: string; to: string }): Promise<UnitOverdue[]> {
  authorize(actor, 'reviews.read');
  const db = await getDb();
  const today = todayInBeijing();
  const rows = await db
    .select({
      unitName: branches.unitName,
      raised: sql<number>`count(*)`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${findings.state} = 'closed')`.mapWith(Number),
      unclosed: sql<number>`count(*) filter (where ${findings.state} <> 'closed')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${findings.state} <> 'closed' and ${findings.dueOn} < ${today})`.mapWith(Number),
    })
    .from(findings)
    .innerJoin(branches, eq(branches.id, findings.branchId))
    .where(and(scoped(actor), gte(findings.raisedOn, from), lte(findings.raisedOn, to)))
    .groupBy(branches.unitName)
    .orderBy(desc(sql`count(*) filter (where ${findings.state} <> 'closed' and ${findings.dueOn} < ${today})`), asc(branches.unitName));
  return rows;
}

/** The default due day of a new finding: today + the rule set in force today's findingDueDays (30 if none). */
export async function defaultDueOn(actor: Actor): Promise<string> {
  authorize(actor, 'reviews.mark');
  const db = await getDb();
  const today = todayInBeijing();
  const [row] = await selectRows<{ days: unknown }>(
    db,
    sql`select ${branchRuleSets.rules} -> 'findingDueDays' as days from ${branchRuleSets} where ${branchRuleSets.effectiveFrom} <= ${today} order by ${branchRuleSets.effectiveFrom} desc limit 1`,
  );
  const days = typeof row?.days === 'number' && Number.isInteger(row.days) && row.days > 0 ? row.days : 30;
  return addDays(today, days);
}

/** The review panel of a record page, or null when the actor may not read reviews of it. */
export async function recordReview(actor: Actor, record: { id: number; branchId: number }): Promise<RecordReview | null> {
  if (!can(actor, 'reviews.read', { branchId: record.branchId })) return null;
  const canMark = can(actor, 'reviews.mark');
  const [list, due] = await Promise.all([findingsOfRecord(actor, record), canMark ? defaultDueOn(actor) : null]);
  return { findings: list, canMark, canAnswer: can(actor, 'reviews.answer', { branchId: record.branchId }), defaultDueOn: due };
}
