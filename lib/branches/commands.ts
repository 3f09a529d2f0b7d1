import 'server-only';
import { and, eq, gte, isNull, lte, max, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import { branches } from '@/db/schema/branches';
import { committeePositions, people } from '@/db/schema/people';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { termEnd } from './dates';
import { branchKindLabels, mayHoldChild, positionLabels } from './kinds';
import { branchSubtree } from './queries';
import { termRulesInForce } from './rules-in-force';
import type {
  appointPositionSchema,
  createBranchSchema,
  dissolveBranchSchema,
  endTermSchema,
  moveBranchSchema,
  setTermSchema,
  updateBranchSchema,
} from './schemas';

// Writes on the organization tree and its committees. Each runs inside the action's
// transaction, checks its target and records its audit row. Nothing here deletes a node: a
// dissolved node keeps its records and its place in the tree.

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

async function loadBranch(ctx: ActionContext, id: number, { field, lock = false }: { field?: string; lock?: boolean } = {}) {
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

const positionAuditable = (p: typeof committeePositions.$inferSelect) => ({
  branchId: p.branchId,
  personId: p.personId,
  position: p.position,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  endedOn: p.endedOn,
});

/**
 * Appoints a person of the node's own roster to a committee position. Without an end date the
 * term runs for the years the rule set in force on its start gives the node's kind. A node has
 * one 书记 at a time, and nobody holds the same position twice over the same days.
 */
export async function appointPosition(ctx: ActionContext, input: z.infer<typeof appointPositionSchema>) {
  const branch = await loadBranch(ctx, input.branchId);
  ctx.authorizeTarget({ branchId: branch.id });
  if (branch.dissolvedOn) throw new AppError('invalid', `该组织已于 ${branch.dissolvedOn} 撤销，不能再任命职务。`, 'position');
  const [person] = await ctx.tx.select({ id: people.id, name: people.name, branchId: people.branchId }).from(people).where(eq(people.id, input.personId)).for('update');
  if (!person || person.branchId !== branch.id) throw new AppError('invalid', '任职人员须是本组织名册中的人员。', 'personId');
  let endsOn = input.endsOn;
  if (!endsOn) {
    const rules = await termRulesInForce(ctx.tx, input.startsOn);
    const years = rules?.termYears[branch.kind];
    if (!years) throw new AppError('invalid', `规则中没有${branchKindLabels[branch.kind]}的任期年限，请填写任期届满日期。`, 'endsOn');
    endsOn = termEnd(input.startsOn, years);
  }
  if (endsOn <= input.startsOn) throw new AppError('invalid', '任期届满日期须晚于开始日期。', 'endsOn');
  // Terms on the same days: the same person in the same position, or another 书记.
  const overlapping = await ctx.tx
    .select({ id: committeePositions.id, personId: committeePositions.personId, name: people.name, endsOn: committeePositions.endsOn, endedOn: committeePositions.endedOn })
    .from(committeePositions)
    .innerJoin(people, eq(people.id, committeePositions.personId))
    .where(
      and(
        eq(committeePositions.branchId, branch.id),
        eq(committeePositions.position, input.position),
        lte(committeePositions.startsOn, endsOn),
        sql`coalesce(${committeePositions.endedOn}, ${committeePositions.endsOn}) >= ${input.startsOn}`,
        input.position === 'secretary' ? undefined : eq(committeePositions.personId, person.id),
      ),
    );
  const clash = overlapping[0];
  if (clash) {
    const until = clash.endedOn ?? clash.endsOn;
    throw new AppError(
      'conflict',
      clash.personId === person.id
        ? `${person.name}在此期间已任${positionLabels[input.position]}（至 ${until}）。`
        : `此期间已有书记 ${clash.name}（任期至 ${until}），请先为其办理离任或调整任期。`,
      'startsOn',
    );
  }
  const [row] = await ctx.tx
    .insert(committeePositions)
    .values({ branchId: branch.id, personId: person.id, position: input.position, startsOn: input.startsOn, endsOn, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'committee.appoint', entityType: 'committee_position', entityId: row!.id, after: { ...positionAuditable(row!), personName: person.name } });
  return row!;
}

async function loadTerm(ctx: ActionContext, id: number, version: number) {
  const [term] = await ctx.tx.select().from(committeePositions).where(eq(committeePositions.id, id)).for('update');
  if (!term) throw new AppError('not_found', '该任职记录不存在。');
  ctx.authorizeTarget({ branchId: term.branchId });
  if (term.version !== version) throw new AppError('conflict', '该任职记录已被他人修改，请刷新页面后再保存。');
  return term;
}

/** Corrects the dates of a term. */
export async function setTerm(ctx: ActionContext, input: z.infer<typeof setTermSchema>) {
  const before = await loadTerm(ctx, input.id, input.version);
  if (before.endedOn && (before.endedOn < input.startsOn || before.endedOn > input.endsOn)) {
    throw new AppError('invalid', `该任职已于 ${before.endedOn} 离任，任期须包含离任日期。`, 'endsOn');
  }
  if (before.position === 'secretary') {
    const [clash] = await ctx.tx
      .select({ id: committeePositions.id })
      .from(committeePositions)
      .where(
        and(
          eq(committeePositions.branchId, before.branchId),
          eq(committeePositions.position, 'secretary'),
          ne(committeePositions.id, before.id),
          lte(committeePositions.startsOn, input.endsOn),
          sql`coalesce(${committeePositions.endedOn}, ${committeePositions.endsOn}) >= ${input.startsOn}`,
        ),
      );
    if (clash) throw new AppError('conflict', '调整后的任期与另一位书记的任期重叠。', 'startsOn');
  }
  const [after] = await ctx.tx
    .update(committeePositions)
    .set({ startsOn: input.startsOn, endsOn: input.endsOn, version: sql`${committeePositions.version} + 1` })
    .where(eq(committeePositions.id, before.id))
    .returning();
  await ctx.audit({ action: 'committee.set_term', entityType: 'committee_position', entityId: before.id, before: positionAuditable(before), after: positionAuditable(after!) });
  return after!;
}

/** Ends a term before its planned end (transfer, resignation); the term stays as history. */
export async function endTerm(ctx: ActionContext, input: z.infer<typeof endTermSchema>) {
  const before = await loadTerm(ctx, input.id, input.version);
  if (before.endedOn) throw new AppError('conflict', `该任职已于 ${before.endedOn} 离任。`);
  if (input.endedOn < before.startsOn) throw new AppError('invalid', `离任日期不能早于任期开始日期 ${before.startsOn}。`, 'endedOn');
  if (input.endedOn > before.endsOn) throw new AppError('invalid', `离任日期不能晚于任期届满日期 ${before.endsOn}（任期届满无需办理离任）。`, 'endedOn');
  if (input.endedOn > todayInBeijing()) throw new AppError('invalid', '离任日期不能晚于今天。', 'endedOn');
  const [after] = await ctx.tx
    .update(committeePositions)
    .set({ endedOn: input.endedOn, version: sql`${committeePositions.version} + 1` })
    .where(eq(committeePositions.id, before.id))
    .returning();
  await ctx.audit({ action: 'committee.end', entityType: 'committee_position', entityId: before.id, before: positionAuditable(before), after: positionAuditable(after!) });
  return after!;
}
