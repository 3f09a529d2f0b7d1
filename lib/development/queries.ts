import 'server-only';
import { and, asc, eq, inArray, isNull, max, ne, or, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import type { Database } from '@/db/open';
import { users } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { developmentAssessments, developmentIntroducers, developmentRecords, developmentRuleSets, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import { appendAudit } from '@/lib/audit/append';
import { clientIp } from '@/lib/auth/client-ip';
import { type Actor, authorize, can } from '@/lib/auth/permissions';
import { branchSubtree } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { pageCountOf } from '@/lib/pagination/offset';
import { pickRuleSet } from '@/lib/rules/pick';
import { effectiveOn } from './effective';
import { type DevelopmentFile, dueItems, offeredSteps } from './engine';
import { developmentRulesSchema, type DevelopmentRuleSet } from './rules';
import type { RecordStage } from './steps';
import { concentratedTrainingOptions, linkedConcentratedTraining } from './training-link';
import type { BoardFilters, BoardItem, BoardPage, DevelopmentFileView } from './types';

// Reads of member development. Scope: a secretary sees the files of their subtree, admins and
// auditors all; reading a person's file is itself written to the trail (personal data).

/** Every development rule set, oldest first, each checked against the schema (a bad row stops loudly). */
export async function loadDevelopmentRuleSets(db?: Database): Promise<DevelopmentRuleSet[]> {
  const rows = await (db ?? (await getDb())).select().from(developmentRuleSets).orderBy(asc(developmentRuleSets.effectiveFrom));
  return rows.map((row) => {
    const parsed = developmentRulesSchema.safeParse(row.rules);
    if (!parsed.success) throw new Error(`development_rule_sets #${row.id} does not match the rule schema: ${parsed.error.message}`);
    return { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom, rules: parsed.data };
  });
}

type RecordRow = typeof developmentRecords.$inferSelect;

/** The engine's view of a record row. */
export function fileOf(row: RecordRow, assessments: readonly { assessedOn: string }[], lastStepOn: string | null): DevelopmentFile {
  return {
    personId: row.personId,
    stage: row.stage,
    appliedOn: row.appliedOn,
    talkedOn: row.talkedOn,
    activistOn: row.activistOn,
    targetOn: row.targetOn,
    politicalReviewOn: row.politicalReviewOn,
    concentratedTrainingOn: row.concentratedTrainingOn,
    preReviewedOn: row.preReviewedOn,
    probationaryOn: row.probationaryOn,
    approvedOn: row.approvedOn,
    oathOn: row.oathOn,
    extendedOn: row.extendedOn,
    probationExtendedUntil: row.probationExtendedUntil,
    fullMemberOn: row.fullMemberOn,
    conversionApprovedOn: row.conversionApprovedOn,
    assessments,
    lastStepOn,
  };
}

const stageSince = (row: RecordRow): string =>
  ({
    applicant: row.appliedOn,
    activist: row.activistOn,
    development_target: row.targetOn,
    probationary: row.probationaryOn,
    full_member: row.fullMemberOn,
    dropped: row.exitedOn,
    cancelled: row.exitedOn,
  })[row.stage] ?? row.appliedOn;

const BOARD_PAGE_SIZE = 30;

/**
 * The pipeline board: files still on their way (and conversions awaiting approval), each with its
 * open deadlines, by branch and stage. Bounded by the organization's candidates, so it is read
 * whole, judged by the engine and paged by offset.
 */
export async function listDevelopmentBoard(actor: Actor, filters: BoardFilters & { page?: number; today?: string }): Promise<BoardPage> {
  authorize(actor, 'development.read');
  const db = await getDb();
  let covered: number[] | null = actor.branchScope ? [...actor.branchScope] : null;
  if (filters.branchId !== undefined) {
    authorize(actor, 'development.read', { branchId: filters.branchId });
    covered = await branchSubtree(db, filters.branchId);
  }
  const lastAssessment = db
    .select({ recordId: developmentAssessments.recordId, on: max(developmentAssessments.assessedOn).as('last_assessed_on') })
    .from(developmentAssessments)
    .groupBy(developmentAssessments.recordId)
    .as('last_assessment');
  const rows = await db
    .select({ record: developmentRecords, name: people.name, branchName: branches.name, lastAssessedOn: lastAssessment.on })
    .from(developmentRecords)
    .innerJoin(people, eq(people.id, developmentRecords.personId))
    .innerJoin(branches, eq(branches.id, developmentRecords.branchId))
    .leftJoin(lastAssessment, eq(lastAssessment.recordId, developmentRecords.id))
    .where(
      and(
        covered ? inArray(developmentRecords.branchId, covered.length ? covered : [0]) : undefined,
        filters.stage ? eq(developmentRecords.stage, filters.stage) : undefined,
        or(inArray(developmentRecords.stage, ['applicant', 'activist', 'development_target', 'probationary']), and(eq(developmentRecords.stage, 'full_member'), isNull(developmentRecords.conversionApprovedOn))),
      ),
    )
    .orderBy(asc(branches.sortOrder), asc(branches.id), asc(developmentRecords.id));
  const sets = await loadDevelopmentRuleSets(db);
  const today = filters.today ?? todayInBeijing();
  const stageOrder = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'];
  const all: BoardItem[] = rows.map(({ record, name, branchName, lastAssessedOn }) => {
    const due = dueItems(fileOf(record, lastAssessedOn ? [{ assessedOn: lastAssessedOn }] : [], null), sets, today);
    return { personId: record.personId, name, branchId: record.branchId, branchName, stage: record.stage, stageSince: stageSince(record), due, next: due[0] ?? null };
  });
  // By branch (the query's order), then stage, then the nearest deadline.
  const branchRank = new Map<number, number>();
  for (const item of all) if (!branchRank.has(item.branchId)) branchRank.set(item.branchId, branchRank.size);
  all.sort(
    (a, b) =>
      branchRank.get(a.branchId)! - branchRank.get(b.branchId)! ||
      stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage) ||
      (a.next?.dueOn ?? '9999').localeCompare(b.next?.dueOn ?? '9999') ||
      a.personId - b.personId,
  );
  const counts = { overdue: all.filter((i) => i.due.some((d) => d.state === 'overdue')).length, warning: all.filter((i) => i.due.some((d) => d.state === 'warning')).length };
  const listed = filters.overdue ? all.filter((i) => i.due.some((d) => d.state === 'overdue')) : all;
  const pageCount = pageCountOf(listed.length, BOARD_PAGE_SIZE);
  const page = Math.min(Math.max(1, filters.page ?? 1), Math.max(1, pageCount));
  return { items: listed.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE), total: listed.length, page, pageCount, pageSize: BOARD_PAGE_SIZE, counts };
}

/**
 * A person who has no development file yet, for the file page's empty state: their name and
 * branch, within the reader's scope (403 outside it); null when there is no such person.
 */
export async function personWithoutFile(actor: Actor, personId: number): Promise<{ id: number; name: string; branchName: string } | null> {
  authorize(actor, 'development.read');
  const db = await getDb();
  const [row] = await db
    .select({ id: people.id, name: people.name, branchId: people.branchId, branchName: branches.name })
    .from(people)
    .innerJoin(branches, eq(branches.id, people.branchId))
    .where(eq(people.id, personId))
    .limit(1);
  if (!row) return null;
  authorize(actor, 'development.read', { branchId: row.branchId });
  return { id: row.id, name: row.name, branchName: row.branchName };
}

/**
 * A person's development file with the steps the rules allow today. Refused (403, nothing logged)
 * outside the reader's scope; otherwise the read is appended to the audit trail. Null when the
 * person has no file.
 */
export async function getDevelopmentFile(actor: Actor & { username: string }, personId: number, { today = todayInBeijing() }: { today?: string } = {}): Promise<DevelopmentFileView | null> {
  authorize(actor, 'development.read');
  const db = await getDb();
  const [row] = await db
    .select({ record: developmentRecords, name: people.name, personStatus: people.status, branchName: branches.name })
    .from(developmentRecords)
    .innerJoin(people, eq(people.id, developmentRecords.personId))
    .innerJoin(branches, eq(branches.id, developmentRecords.branchId))
    .where(eq(developmentRecords.personId, personId))
    .limit(1);
  if (!row) return null;
  const record = row.record;
  authorize(actor, 'development.read', { branchId: record.branchId });
  const trainingOpen = record.stage === 'development_target' && !record.concentratedTrainingOn;
  const [stepRows, assessments, introducers, options, sets, linkedTraining, trainingOptions] = await Promise.all([
    db
      .select({
        id: developmentTransitions.id,
        step: developmentTransitions.step,
        fromStage: developmentTransitions.fromStage,
        toStage: developmentTransitions.toStage,
        decidedOn: effectiveOn(developmentTransitions.id, developmentTransitions.decidedOn),
        writtenOn: developmentTransitions.decidedOn,
        correctionReason: sql<string | null>`(select c.reason from development_corrections c where c.transition_id = ${developmentTransitions.id} order by c.id desc limit 1)`,
        decidingBody: developmentTransitions.decidingBody,
        note: developmentTransitions.note,
        ruleSetName: developmentRuleSets.name,
        createdByName: users.displayName,
      })
      .from(developmentTransitions)
      .leftJoin(developmentRuleSets, eq(developmentRuleSets.id, developmentTransitions.ruleSetId))
      .leftJoin(users, eq(users.id, developmentTransitions.createdBy))
      .where(eq(developmentTransitions.recordId, record.id))
      .orderBy(asc(effectiveOn(developmentTransitions.id, developmentTransitions.decidedOn)), asc(developmentTransitions.id)),
    db
      .select({ id: developmentAssessments.id, assessedOn: developmentAssessments.assessedOn, result: developmentAssessments.result, note: developmentAssessments.note })
      .from(developmentAssessments)
      .where(eq(developmentAssessments.recordId, record.id))
      .orderBy(asc(developmentAssessments.assessedOn), asc(developmentAssessments.id)),
    db
      .select({ personId: developmentIntroducers.personId, name: people.name, assignedOn: developmentIntroducers.assignedOn })
      .from(developmentIntroducers)
      .innerJoin(people, eq(people.id, developmentIntroducers.personId))
      .where(eq(developmentIntroducers.recordId, record.id))
      .orderBy(asc(developmentIntroducers.id)),
    db
      .select({ id: people.id, name: people.name, jobTitle: people.jobTitle })
      .from(people)
      .where(and(eq(people.branchId, record.branchId), eq(people.status, 'full_member'), ne(people.id, personId)))
      .orderBy(asc(people.name), asc(people.id)),
    loadDevelopmentRuleSets(db),
    record.concentratedTraineeId === null ? Promise.resolve(null) : linkedConcentratedTraining(db, record.concentratedTraineeId),
    trainingOpen ? concentratedTrainingOptions(db, personId) : Promise.resolve([]),
  ]);
  const lastStepOn = stepRows.at(-1)?.decidedOn ?? null;
  const file = fileOf(record, assessments, lastStepOn);
  const inForce = pickRuleSet(sets, today);
  const ip = clientIp(await headers());
  await db.transaction((tx) => appendAudit(tx, { id: actor.id, name: actor.username, role: actor.role, ip }, { action: 'development.read', entityType: 'development_record', entityId: record.id }));
  return {
    personId,
    name: row.name,
    personStatus: row.personStatus,
    branchId: record.branchId,
    branchName: row.branchName,
    recordId: record.id,
    version: record.version,
    stage: record.stage as RecordStage,
    dates: {
      appliedOn: record.appliedOn,
      talkedOn: record.talkedOn,
      activistOn: record.activistOn,
      targetOn: record.targetOn,
      politicalReviewOn: record.politicalReviewOn,
      concentratedTrainingOn: record.concentratedTrainingOn,
      preReviewedOn: record.preReviewedOn,
      probationaryOn: record.probationaryOn,
      approvedOn: record.approvedOn,
      oathOn: record.oathOn,
      extendedOn: record.extendedOn,
      probationExtendedUntil: record.probationExtendedUntil,
      fullMemberOn: record.fullMemberOn,
      conversionApprovedOn: record.conversionApprovedOn,
      exitedOn: record.exitedOn,
    },
    training: { days: record.concentratedTrainingDays, hours: record.concentratedTrainingHours },
    linkedTraining,
    trainingOptions,
    extensionMonths: record.extensionMonths,
    steps: stepRows,
    assessments,
    introducers,
    // Names kept as text before introducers became people, and not matched to one person.
    legacyIntroducers: record.introducers.filter((name) => !introducers.some((i) => i.name === name)),
    due: dueItems(file, sets, today),
    offered: offeredSteps(file, sets, today),
    introducerOptions: options.map((o) => ({ id: o.id, label: o.jobTitle ? `${o.name}（${o.jobTitle}）` : o.name })),
    canWrite: can(actor, 'development.write', { branchId: record.branchId }),
    canCorrect: can(actor, 'development.correct', { branchId: record.branchId }),
    ruleSetInForce: inForce ? { name: inForce.name, effectiveFrom: inForce.effectiveFrom } : null,
  };
}

/** Development rule sets for the rules page's form defaults: the latest set's values. */
export async function latestDevelopmentRules(actor: Actor) {
  authorize(actor, 'rules.manage');
  return (await loadDevelopmentRuleSets()).at(-1)?.rules ?? null;
}
