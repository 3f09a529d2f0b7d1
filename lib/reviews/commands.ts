import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { activityRecords, reviewMarks } from '@/db/schema/activities';
import { findings, findingSteps } from '@/db/schema/reviews';
import type { ActionContext } from '@/lib/actions/define-action';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { todayInBeijing } from '@/lib/calendar/days';
import { releasedToBranch } from '@/lib/inspections/visibility';
import type { AnswerFindingInput, CloseFindingInput, RaiseFindingInput, ReopenFindingInput } from './schemas';
import { takeStep } from './state-machine';
import type { FindingStepKind } from './types';

// The review's writes. Each loads its target under a row lock, asks the state machine, writes
// the step row before the finding (the SQL guard looks for it), then the record's status and the
// review mark, and one audit row, all in the action's transaction.

type FindingRow = typeof findings.$inferSelect;
type RecordRow = typeof activityRecords.$inferSelect;

async function lockRecord(ctx: ActionContext, id: number): Promise<RecordRow> {
  const [row] = await ctx.tx.select().from(activityRecords).where(eq(activityRecords.id, id)).for('update');
  if (!row || row.status === 'draft') throw new AppError('not_found', '该记录不存在或尚未提交。');
  ctx.authorizeTarget({ branchId: row.branchId });
  return row;
}

/** The auditor judges what they saw: a correction since then must be looked at first. */
function assertSeen(record: RecordRow, revision: number) {
  if (record.revision !== revision) {
    throw new AppError('conflict', `该记录已更正为第 ${record.revision} 版，请查看最新内容后再审核。`, undefined, { conflict: 'revision', currentRevision: String(record.revision) });
  }
}

async function lockFinding(ctx: ActionContext, id: number, version: number): Promise<FindingRow> {
  const [row] = await ctx.tx.select().from(findings).where(eq(findings.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该问题不存在。');
  ctx.authorizeTarget({ branchId: row.branchId });
  if (row.version !== version && row.state !== 'closed') {
    throw new AppError('conflict', '该问题已有新的进展，请刷新页面查看后再操作。', undefined, { conflict: 'version', currentVersion: String(row.version) });
  }
  return row;
}

function step(ctx: ActionContext, finding: FindingRow | null, kind: FindingStepKind) {
  const outcome = takeStep(finding?.state ?? null, kind, ctx.user.role);
  if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
  return outcome.state;
}

const auditable = (f: FindingRow) => ({ recordId: f.recordId, branchId: f.branchId, category: f.category, state: f.state, dueOn: f.dueOn });

async function openFindingsOn(ctx: ActionContext, recordId: number, except?: number) {
  const rows = await ctx.tx
    .select({ id: findings.id })
    .from(findings)
    .where(and(eq(findings.recordId, recordId), ne(findings.state, 'closed'), except ? ne(findings.id, except) : undefined));
  return rows.length;
}

/** 合格: the record passes review and is locked; only a correction reopens it (to a new review). */
export async function markRecordReviewed(ctx: ActionContext, input: { recordId: number; revision: number }) {
  const record = await lockRecord(ctx, input.recordId);
  if (record.status === 'reviewed') throw new AppError('conflict', '该记录已审核合格。');
  if (record.status === 'flagged' || (await openFindingsOn(ctx, record.id)) > 0) {
    throw new AppError('conflict', '该记录还有未整改到位的问题，问题关闭后才能审核合格。');
  }
  assertSeen(record, input.revision);
  await ctx.tx
    .update(activityRecords)
    .set({ status: 'reviewed', reviewedAt: sql`now()`, reviewedBy: ctx.user.id, version: sql`${activityRecords.version} + 1` })
    .where(eq(activityRecords.id, record.id));
  await ctx.tx.insert(reviewMarks).values({ entityType: 'activity_record', entityId: record.id, verdict: 'ok', comment: '', reviewerId: ctx.user.id });
  await ctx.audit({ action: 'review.mark', entityType: 'activity_record', entityId: record.id, before: { status: record.status, revision: record.revision }, after: { status: 'reviewed', revision: record.revision } });
  return { recordId: record.id };
}

/** A finding on a submitted record: the record is flagged until every finding on it is closed. */
export async function raiseFinding(ctx: ActionContext, input: RaiseFindingInput) {
  const state = step(ctx, null, 'raise');
  const record = await lockRecord(ctx, input.recordId);
  if (record.status === 'reviewed') {
    throw new AppError('conflict', '该记录已审核合格并锁定，不能再提出问题；如需整改，请通过明察暗访另行督查。');
  }
  assertSeen(record, input.revision);
  const [finding] = await ctx.tx
    .insert(findings)
    .values({
      source: 'record_review',
      branchId: record.branchId,
      recordId: record.id,
      recordRevision: record.revision,
      category: input.category,
      comment: input.comment,
      dueOn: input.dueOn,
      state,
      raisedBy: ctx.user.id,
      raisedOn: todayInBeijing(),
    })
    .returning();
  await ctx.tx.insert(findingSteps).values({ findingId: finding!.id, kind: 'raise', note: input.comment, dueOn: input.dueOn, actorId: ctx.user.id });
  if (record.status !== 'flagged') {
    await ctx.tx.update(activityRecords).set({ status: 'flagged', version: sql`${activityRecords.version} + 1` }).where(eq(activityRecords.id, record.id));
  }
  await ctx.tx.insert(reviewMarks).values({ entityType: 'activity_record', entityId: record.id, verdict: 'flagged', comment: input.comment, reviewerId: ctx.user.id });
  await ctx.audit({ action: 'finding.raise', entityType: 'finding', entityId: finding!.id, after: { ...auditable(finding!), comment: input.comment } });
  return { findingId: finding!.id, recordId: record.id };
}

/** The branch's 整改说明, with the corrected record's revision when the record itself was wrong. */
export async function answerFinding(ctx: ActionContext, input: AnswerFindingInput) {
  const finding = await loadForAnswer(ctx, input);
  const state = step(ctx, finding, 'answer');
  if (input.correctedRevision !== null) {
    const [record] = finding.recordId ? await ctx.tx.select({ revision: activityRecords.revision }).from(activityRecords).where(eq(activityRecords.id, finding.recordId)) : [];
    const raisedOn = finding.recordRevision ?? 0;
    if (!record || input.correctedRevision <= raisedOn || input.correctedRevision > record.revision) {
      throw new AppError('invalid', `所附更正版本无效：应为问题提出（第 ${raisedOn} 版）之后的更正版本。`, 'correctedRevision');
    }
  }
  await ctx.tx.insert(findingSteps).values({ findingId: finding.id, kind: 'answer', note: input.note, correctedRevision: input.correctedRevision, actorId: ctx.user.id });
  const [after] = await ctx.tx.update(findings).set({ state, lastStepAt: sql`now()`, version: sql`${findings.version} + 1` }).where(eq(findings.id, finding.id)).returning();
  await ctx.audit({ action: 'finding.answer', entityType: 'finding', entityId: finding.id, before: auditable(finding), after: { ...auditable(after!), note: input.note, correctedRevision: input.correctedRevision } });
  return { findingId: finding.id, recordId: finding.recordId, inspectionId: finding.inspectionId };
}

/**
 * Another branch's finding is refused in words, not only with a bare 403; an inspection's
 * finding the branch cannot see yet (not released) is, for it, no finding at all.
 */
async function loadForAnswer(ctx: ActionContext, input: AnswerFindingInput) {
  const [peek] = await ctx.tx
    .select({ branchId: findings.branchId, visible: sql<boolean>`${releasedToBranch()}` })
    .from(findings)
    .where(eq(findings.id, input.findingId));
  if (peek && !peek.visible) throw new AppError('not_found', '该问题不存在。');
  if (peek && !can(ctx.user, 'reviews.answer', { branchId: peek.branchId })) {
    throw new AppError('forbidden', '该问题不属于您所在的党组织，不能由您答复整改。');
  }
  return lockFinding(ctx, input.findingId, input.version);
}

/** Not fixed: back to the branch with the auditor's reason, and a new due day if given. */
export async function reopenFinding(ctx: ActionContext, input: ReopenFindingInput) {
  const finding = await lockFinding(ctx, input.findingId, input.version);
  const state = step(ctx, finding, 'reopen');
  const dueOn = input.dueOn ?? finding.dueOn;
  await ctx.tx.insert(findingSteps).values({ findingId: finding.id, kind: 'reopen', note: input.comment, dueOn: input.dueOn, actorId: ctx.user.id });
  const [after] = await ctx.tx.update(findings).set({ state, dueOn, lastStepAt: sql`now()`, version: sql`${findings.version} + 1` }).where(eq(findings.id, finding.id)).returning();
  await ctx.audit({ action: 'finding.reopen', entityType: 'finding', entityId: finding.id, before: auditable(finding), after: { ...auditable(after!), comment: input.comment } });
  return { findingId: finding.id, recordId: finding.recordId, inspectionId: finding.inspectionId };
}

/** 整改到位: the finding is final; its record, once no finding is left open, awaits a new review. */
export async function closeFinding(ctx: ActionContext, input: CloseFindingInput) {
  const finding = await lockFinding(ctx, input.findingId, input.version);
  const state = step(ctx, finding, 'close');
  await ctx.tx.insert(findingSteps).values({ findingId: finding.id, kind: 'close', note: input.note, actorId: ctx.user.id });
  const [after] = await ctx.tx
    .update(findings)
    .set({ state, closedAt: sql`now()`, closedBy: ctx.user.id, lastStepAt: sql`now()`, version: sql`${findings.version} + 1` })
    .where(eq(findings.id, finding.id))
    .returning();
  if (finding.recordId) {
    await ctx.tx.insert(reviewMarks).values({ entityType: 'activity_record', entityId: finding.recordId, verdict: 'resolved', comment: input.note, reviewerId: ctx.user.id });
    if ((await openFindingsOn(ctx, finding.recordId, finding.id)) === 0) {
      await ctx.tx
        .update(activityRecords)
        .set({ status: 'submitted', version: sql`${activityRecords.version} + 1` })
        .where(and(eq(activityRecords.id, finding.recordId), eq(activityRecords.status, 'flagged')));
    }
  }
  await ctx.audit({ action: 'finding.close', entityType: 'finding', entityId: finding.id, before: auditable(finding), after: { ...auditable(after!), note: input.note } });
  return { findingId: finding.id, recordId: finding.recordId, inspectionId: finding.inspectionId };
}
