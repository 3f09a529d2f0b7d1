import 'server-only';
import { and, eq, gte, isNull, lte, max, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import { branches } from '@/db/schema/branches';
import { committeePositions } from '@/db/schema/people';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { branchKindLabels, mayHoldChild } from './kinds';
import { branchSubtree } from './queries';
import type { createBranchSchema, dissolveBranchSchema, moveBranchSchema, updateBranchSchema } from './schemas';

// Writes on the organization tree; a node's committee is committee-commands.ts. Each runs
// inside the action's transaction, checks its target and records its audit row. Nothing here
// deletes a node: a dissolved node keeps its records and its place in the tree.

// Moves and new nodes take this lock, so two moves at once cannot together make a cycle that
// neither saw alone.
const TREE_LOCK = 7_416_011;

const auditable = (b: typeof branches.$inferSelect) => ({
  parentId: b.parentId,
  kind: b.kind,
  name: b.name,
  code: b.code,
  unitName: b.unitName,
  contactPhone: b.contactPhone,
  establishedOn: b.establishedOn,
  dissolvedOn: b.dissolvedOn,
});

export async function loadBranch(ctx: ActionContext, id: number, { field, lock = false }: { field?: string; lock?: boolean } = {}) {
  const query = ctx.tx.select().from(branches).where(eq(branches.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError(field ? 'invalid' : 'not_found', field ? '所选组织不存在，请重新选择。' : '该组织不存在。', field);
  return row;
}

const stale = () => new AppError('conflict', '该组织已被他人修改，请刷新页面后再保存。');
const codeTaken = () => new AppError('conflict', '该编码已被其他组织使用。', 'code');

async function assertCodeFree(ctx: ActionContext, code: string, exceptId?: number) {
  const [taken] = await ctx.tx
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.code, code), exceptId ? ne(branches.id, exceptId) : undefined));
  if (taken) throw codeTaken();
}

async function lastSortOrder(ctx: ActionContext, parentId: number): Promise<number> {
  const [row] = await ctx.tx.select({ n: max(branches.sortOrder) }).from(branches).where(eq(branches.parentId, parentId));
  return row?.n ?? 0;
}

function assertParentTakes(parent: typeof branches.$inferSelect, kind: typeof branches.$inferSelect.kind, field: string) {
  if (parent.dissolvedOn) throw new AppError('invalid', `“${parent.name}”已于 ${parent.dissolvedOn} 撤销，不能再设下级组织。`, field);
  if (!mayHoldChild(parent.kind, kind)) {
    throw new AppError('invalid', `${branchKindLabels[parent.kind]}下不能设${branchKindLabels[kind]}。`, field);
  }
}

function assertEstablishedOn(day: string | null) {
  if (day && day > todayInBeijing()) throw new AppError('invalid', '成立日期不能晚于今天。', 'establishedOn');
}

export async function createBranch(ctx: ActionContext, input: z.infer<typeof createBranchSchema>) {
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
  const parent = await loadBranch(ctx, input.parentId, { field: 'parentId' });
  assertParentTakes(parent, input.kind, 'kind');
  assertEstablishedOn(input.establishedOn);
  if (input.kind === 'unit_organization' && !input.unitName) throw new AppError('invalid', '单位党组织须填写所在单位。', 'unitName');
  await assertCodeFree(ctx, input.code);
  const [row] = await ctx.tx
    .insert(branches)
    .values({
      parentId: parent.id,
      kind: input.kind,
      name: input.name,
      code: input.code,
      unitName: input.unitName ?? parent.unitName,
      contactPhone: input.contactPhone,
      establishedOn: input.establishedOn,
      sortOrder: (await lastSortOrder(ctx, parent.id)) + 1,
      createdBy: ctx.user.id,
    })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, 'branches_code_key') ? codeTaken() : error;
    });
  await ctx.audit({ action: 'branch.create', entityType: 'branch', entityId: row!.id, after: auditable(row!) });
  return row!;
}

export async function updateBranch(ctx: ActionContext, input: z.infer<typeof updateBranchSchema>) {
  const before = await loadBranch(ctx, input.id, { lock: true });
  if (before.version !== input.version) throw stale();
  assertEstablishedOn(input.establishedOn);
  if (input.establishedOn && before.dissolvedOn && input.establishedOn > before.dissolvedOn) {
    throw new AppError('invalid', `成立日期不能晚于撤销日期 ${before.dissolvedOn}。`, 'establishedOn');
  }
  await assertCodeFree(ctx, input.code, before.id);
  const [after] = await ctx.tx
    .update(branches)
    .set({
      name: input.name,
      code: input.code,
      unitName: input.unitName ?? before.unitName,
      contactPhone: input.contactPhone,
      establishedOn: input.establishedOn,
      version: sql`${branches.version} + 1`,
    })
    .where(eq(branches.id, before.id))
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, 'branches_code_key') ? codeTaken() : error;
    });
  await ctx.audit({ action: 'branch.update', entityType: 'branch', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/**
 * Puts a node (with everything below it) under another parent. Refused when the new parent lies
 * in the node's own subtree (a cycle), has a kind that may not hold it, or is dissolved. Records
 * and people stay on their nodes, so every subtree query follows the move.
 */
export async function moveBranch(ctx: ActionContext, input: z.infer<typeof moveBranchSchema>) {
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
  const before = await loadBranch(ctx, input.id, { lock: true });
  if (before.version !== input.version) throw stale();
  if (before.parentId === null) throw new AppError('invalid', '工委是组织树的根，不能移动。', 'parentId');
  if (before.dissolvedOn) throw new AppError('invalid', '已撤销的组织不能移动。', 'parentId');
  if (input.parentId === before.parentId) throw new AppError('invalid', '该组织已在所选上级组织之下。', 'parentId');
  const subtree = await branchSubtree(ctx.tx, before.id);
  if (subtree.includes(input.parentId)) throw new AppError('invalid', '不能移到自身或其下级组织之下：这会使组织树形成循环。', 'parentId');
  const parent = await loadBranch(ctx, input.parentId, { field: 'parentId' });
  assertParentTakes(parent, before.kind, 'parentId');
  const [after] = await ctx.tx
    .update(branches)
    .set({ parentId: parent.id, sortOrder: (await lastSortOrder(ctx, parent.id)) + 1, version: sql`${branches.version} + 1` })
    .where(eq(branches.id, before.id))
    .returning();
  await ctx.audit({ action: 'branch.move', entityType: 'branch', entityId: before.id, before: { parentId: before.parentId }, after: { parentId: parent.id, subtreeSize: subtree.length } });
  return after!;
}

/**
 * Marks a node dissolved from `dissolvedOn`. Refused while a node below it is still active.
 * Records and people stay; committee terms still running on that day end with it.
 */
export async function dissolveBranch(ctx: ActionContext, input: z.infer<typeof dissolveBranchSchema>) {
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
  const before = await loadBranch(ctx, input.id, { lock: true });
  if (before.version !== input.version) throw stale();
  if (before.dissolvedOn) throw new AppError('conflict', `该组织已于 ${before.dissolvedOn} 撤销。`);
  if (input.dissolvedOn > todayInBeijing()) throw new AppError('invalid', '撤销日期不能晚于今天。', 'dissolvedOn');
  if (before.establishedOn && input.dissolvedOn < before.establishedOn) throw new AppError('invalid', `撤销日期不能早于成立日期 ${before.establishedOn}。`, 'dissolvedOn');
  const active = await ctx.tx
    .select({ name: branches.name })
    .from(branches)
    .where(and(eq(branches.parentId, before.id), isNull(branches.dissolvedOn)));
  if (active.length > 0) {
    throw new AppError('conflict', `该组织下还有 ${active.length} 个未撤销的下级组织（${active.slice(0, 3).map((b) => b.name).join('、')}${active.length > 3 ? '等' : ''}），请先撤销或移走它们。`);
  }
  const [after] = await ctx.tx
    .update(branches)
    .set({ dissolvedOn: input.dissolvedOn, version: sql`${branches.version} + 1` })
    .where(eq(branches.id, before.id))
    .returning();
  const ended = await ctx.tx
    .update(committeePositions)
    .set({ endedOn: input.dissolvedOn, version: sql`${committeePositions.version} + 1` })
    .where(
      and(
        eq(committeePositions.branchId, before.id),
        isNull(committeePositions.endedOn),
        lte(committeePositions.startsOn, input.dissolvedOn),
        gte(committeePositions.endsOn, input.dissolvedOn),
      ),
    )
    .returning({ id: committeePositions.id });
  await ctx.audit({
    action: 'branch.dissolve',
    entityType: 'branch',
    entityId: before.id,
    before: auditable(before),
    after: { ...auditable(after!), endedTerms: ended.map((t) => t.id) },
  });
  return after!;
}
