import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { branches } from '@/db/schema/branches';
import { columns } from '@/db/schema/columns';
import { inspections } from '@/db/schema/inspections';
import { findings, findingSteps } from '@/db/schema/reviews';
import type { ActionContext } from '@/lib/actions/define-action';
import { createArticle } from '@/lib/articles/editing';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { takeStep } from '@/lib/reviews/state-machine';
import { noticeDraft } from './notice';
import type { AddInspectionFindingInput, CreateInspectionInput, ReleaseInspectionInput } from './schemas';

// The inspection's writes: create, add a finding (to a draft or a released inspection), release,
// and the 通报 draft. Each loads its target under a row lock and writes one audit row in the
// action's transaction. A finding then runs the review loop of lib/reviews (answer, re-check).

type InspectionRow = typeof inspections.$inferSelect;

async function lockInspection(ctx: ActionContext, id: number): Promise<InspectionRow> {
  const [row] = await ctx.tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该次督查不存在。');
  ctx.authorizeTarget({ branchId: row.branchId });
  return row;
}

const auditable = (i: InspectionRow) => ({ branchId: i.branchId, inspectedOn: i.inspectedOn, method: i.method, scope: i.scope, status: i.status });

export async function createInspection(ctx: ActionContext, input: CreateInspectionInput) {
  const [node] = await ctx.tx.select({ id: branches.id, dissolvedOn: branches.dissolvedOn }).from(branches).where(eq(branches.id, input.branchId));
  if (!node) throw new AppError('invalid', '所选单位或组织不存在，请重新选择。', 'branchId');
  if (node.dissolvedOn && node.dissolvedOn < input.inspectedOn) throw new AppError('invalid', `所选组织已于 ${node.dissolvedOn} 撤销，督查日期不能晚于撤销日期。`, 'branchId');
  const [row] = await ctx.tx
    .insert(inspections)
    .values({ branchId: node.id, inspectedOn: input.inspectedOn, method: input.method, scope: input.scope, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'inspection.create', entityType: 'inspection', entityId: row!.id, after: auditable(row!) });
  return { inspectionId: row!.id };
}

/** A finding of the inspection, owned by the inspected node; the branch sees it once released. */
export async function addInspectionFinding(ctx: ActionContext, input: AddInspectionFindingInput) {
  const outcome = takeStep(null, 'raise', ctx.user.role);
  if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
  const inspection = await lockInspection(ctx, input.inspectionId);
  const [finding] = await ctx.tx
    .insert(findings)
    .values({
      source: 'inspection',
      branchId: inspection.branchId,
      inspectionId: inspection.id,
      category: input.category,
      comment: input.comment,
      dueOn: input.dueOn,
      state: outcome.state,
      raisedBy: ctx.user.id,
      raisedOn: todayInBeijing(),
    })
    .returning();
  await ctx.tx.insert(findingSteps).values({ findingId: finding!.id, kind: 'raise', note: input.comment, dueOn: input.dueOn, actorId: ctx.user.id });
  await ctx.audit({
    action: 'inspection.add_finding',
    entityType: 'finding',
    entityId: finding!.id,
    after: { inspectionId: inspection.id, branchId: finding!.branchId, category: finding!.category, comment: finding!.comment, dueOn: finding!.dueOn, state: finding!.state },
  });
  return { inspectionId: inspection.id, findingId: finding!.id };
}

/** Released: the inspected branch sees the findings (on its desk) and answers them. Final. */
export async function releaseInspection(ctx: ActionContext, input: ReleaseInspectionInput) {
  const inspection = await lockInspection(ctx, input.inspectionId);
  if (inspection.status === 'released') throw new AppError('conflict', '该次督查已发布。');
  if (inspection.version !== input.version) throw new AppError('conflict', '该次督查已有变化，请刷新页面查看后再发布。');
  const [{ n }] = (await ctx.tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(findings).where(eq(findings.inspectionId, inspection.id))) as [{ n: number }];
  const [after] = await ctx.tx
    .update(inspections)
    .set({ status: 'released', releasedAt: sql`now()`, releasedBy: ctx.user.id, version: sql`${inspections.version} + 1` })
    .where(eq(inspections.id, inspection.id))
    .returning();
  await ctx.audit({ action: 'inspection.release', entityType: 'inspection', entityId: inspection.id, before: auditable(inspection), after: { ...auditable(after!), findings: n } });
  return { inspectionId: inspection.id };
}

/**
 * 生成通报草稿: from a released inspection whose findings are all closed, an article DRAFT in the
 * notices column for the editors, with the facts filled in. It is never published here.
 */
export async function draftInspectionNotice(ctx: ActionContext, input: { inspectionId: number }) {
  const inspection = await lockInspection(ctx, input.inspectionId);
  if (inspection.status !== 'released') throw new AppError('conflict', '该次督查尚未发布，不能生成通报。');
  if (inspection.noticeArticleId) throw new AppError('conflict', '已为该次督查生成过通报草稿，请在文章管理中继续编辑。');
  const [open] = await ctx.tx.select({ id: findings.id }).from(findings).where(and(eq(findings.inspectionId, inspection.id), ne(findings.state, 'closed'))).limit(1);
  if (open) throw new AppError('conflict', '该次督查还有未整改到位的问题，全部关闭后才能生成通报草稿。');
  const [column] = await ctx.tx.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'notices'));
  if (!column) throw new AppError('conflict', '没有“通知公告”栏目，请先在栏目管理中建立。');
  const [node] = await ctx.tx.select({ name: branches.name, unitName: branches.unitName }).from(branches).where(eq(branches.id, inspection.branchId));
  const list = await ctx.tx
    .select({ id: findings.id, category: findings.category, comment: findings.comment, raisedOn: findings.raisedOn, closedAt: findings.closedAt })
    .from(findings)
    .where(eq(findings.inspectionId, inspection.id))
    .orderBy(asc(findings.id));
  const answers = list.length
    ? await ctx.tx
        .select({ findingId: findingSteps.findingId, note: findingSteps.note })
        .from(findingSteps)
        .where(and(inArray(findingSteps.findingId, list.map((f) => f.id)), eq(findingSteps.kind, 'answer')))
        .orderBy(asc(findingSteps.id))
    : [];
  const fields = noticeDraft({ inspection, node: node!, findings: list.map((f) => ({ ...f, answer: answers.filter((a) => a.findingId === f.id).at(-1)?.note ?? null })), columnId: column.id });
  // One audit row: the article's creation, written as the draft started from this inspection.
  const article = await createArticle(
    {
      ...ctx,
      audit: (entry) =>
        ctx.audit({ ...entry, action: 'inspection.notice_draft', entityType: 'article', after: { ...(entry.after as Record<string, unknown>), inspectionId: inspection.id } }),
    },
    fields,
  );
  await ctx.tx.update(inspections).set({ noticeArticleId: article.id, version: sql`${inspections.version} + 1` }).where(eq(inspections.id, inspection.id));
  return { inspectionId: inspection.id, articleId: article.id };
}
