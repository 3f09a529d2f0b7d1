import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isUniqueViolation } from '@/db/errors';
import { users } from '@/db/schema/accounts';
import { branches } from '@/db/schema/branches';
import { developmentRecords } from '@/db/schema/development';
import { committeePositions, people, personTransfers } from '@/db/schema/people';
import type { ActionContext } from '@/lib/actions/define-action';
import { AppError } from '@/lib/errors';
import type { createPersonSchema, linkAccountSchema, transferPersonSchema, unlinkAccountSchema, updatePersonSchema } from './schemas';

// Writes on the roster. Each runs inside the action's transaction, checks the person's node
// against the actor's scope, and records its audit row. People are never deleted: a move to
// another node is a transfer, kept as history.

// The audit trail keeps which fields changed, not their personal values (phone, birth date).
const auditable = (p: typeof people.$inferSelect) => ({
  branchId: p.branchId,
  name: p.name,
  gender: p.gender,
  status: p.status,
  statusSince: p.statusSince,
  joinedPartyOn: p.joinedPartyOn,
  jobTitle: p.jobTitle,
  userId: p.userId,
  hasPhone: p.phone !== null,
  hasBirthDate: p.birthDate !== null,
});

async function loadPerson(ctx: ActionContext, id: number, version: number) {
  const [row] = await ctx.tx.select().from(people).where(eq(people.id, id)).for('update');
  if (!row) throw new AppError('not_found', '该人员不存在。');
  ctx.authorizeTarget({ branchId: row.branchId });
  if (row.version !== version) throw new AppError('conflict', '该人员信息已被他人修改，请刷新页面后再保存。');
  return row;
}

/** A node that takes people: it exists, lies in the actor's scope and is not dissolved. */
async function openBranch(ctx: ActionContext, branchId: number, field: string) {
  const [row] = await ctx.tx.select({ id: branches.id, name: branches.name, dissolvedOn: branches.dissolvedOn }).from(branches).where(eq(branches.id, branchId));
  if (!row) throw new AppError('invalid', '所选组织不存在，请重新选择。', field);
  ctx.authorizeTarget({ branchId: row.id });
  if (row.dissolvedOn) throw new AppError('invalid', `“${row.name}”已于 ${row.dissolvedOn} 撤销，不能再转入或登记人员。`, field);
  return row;
}

type PersonInput = z.infer<typeof createPersonSchema> | z.infer<typeof updatePersonSchema>;

const fieldsOf = (input: PersonInput) => ({
  name: input.name,
  gender: input.gender,
  birthDate: input.birthDate,
  phone: input.phone,
  jobTitle: input.jobTitle,
  status: input.status,
  statusSince: input.statusSince,
  joinedPartyOn: input.joinedPartyOn,
});

export async function createPerson(ctx: ActionContext, input: z.infer<typeof createPersonSchema>) {
  const branch = await openBranch(ctx, input.branchId, 'branchId');
  const [row] = await ctx.tx
    .insert(people)
    .values({ ...fieldsOf(input), branchId: branch.id, createdBy: ctx.user.id })
    .returning();
  await ctx.audit({ action: 'person.create', entityType: 'person', entityId: row!.id, after: auditable(row!) });
  return row!;
}

export async function updatePerson(ctx: ActionContext, input: z.infer<typeof updatePersonSchema>) {
  const before = await loadPerson(ctx, input.id, input.version);
  // A new status needs the day it began: the old one's date would misstate it.
  if (input.status !== before.status && (!input.statusSince || input.statusSince === before.statusSince)) {
    throw new AppError('invalid', '政治面貌有变化，请填写新状态的起始日期。', 'statusSince');
  }
  if (input.status !== before.status && before.statusSince && input.statusSince && input.statusSince < before.statusSince) {
    throw new AppError('invalid', `新状态的起始日期不能早于原状态的起始日期 ${before.statusSince}。`, 'statusSince');
  }
  const [after] = await ctx.tx
    .update(people)
    .set({ ...fieldsOf(input), version: sql`${people.version} + 1` })
    .where(eq(people.id, before.id))
    .returning();
  await ctx.audit({ action: 'person.update', entityType: 'person', entityId: before.id, before: auditable(before), after: auditable(after!) });
  return after!;
}

/**
 * 组织关系转接: moves a person to another node, keeping where they came from as a transfer row.
 * Both nodes must lie in the actor's scope (a secretary transfers within their subtree; an
 * admin anywhere); the committee terms the person holds at the old node end on the day.
 */
export async function transferPerson(ctx: ActionContext, input: z.infer<typeof transferPersonSchema>) {
  const before = await loadPerson(ctx, input.id, input.version);
  if (input.toBranchId === before.branchId) throw new AppError('invalid', '转入组织与当前所在组织相同。', 'toBranchId');
  const to = await openBranch(ctx, input.toBranchId, 'toBranchId');
  const [last] = await ctx.tx
    .select({ on: personTransfers.transferredOn })
    .from(personTransfers)
    .where(eq(personTransfers.personId, before.id))
    .orderBy(desc(personTransfers.transferredOn))
    .limit(1);
  if (last && input.transferredOn < last.on) throw new AppError('invalid', `转接日期不能早于上一次转接的日期 ${last.on}。`, 'transferredOn');
  const [transfer] = await ctx.tx
    .insert(personTransfers)
    .values({ personId: before.id, fromBranchId: before.branchId, toBranchId: to.id, transferredOn: input.transferredOn, reason: input.reason, createdBy: ctx.user.id })
    .returning();
  const [after] = await ctx.tx
    .update(people)
    .set({ branchId: to.id, version: sql`${people.version} + 1` })
    .where(eq(people.id, before.id))
    .returning();
  // The development file goes with the person: the new branch's secretary keeps it from now on.
  await ctx.tx.update(developmentRecords).set({ branchId: to.id, version: sql`${developmentRecords.version} + 1` }).where(eq(developmentRecords.personId, before.id));
  // Terms at the old node that run past the transfer day end on it (and start before it).
  const ended = await ctx.tx
    .update(committeePositions)
    .set({ endedOn: sql`greatest(${committeePositions.startsOn}, ${input.transferredOn}::date)`, version: sql`${committeePositions.version} + 1` })
    .where(
      and(
        eq(committeePositions.personId, before.id),
        eq(committeePositions.branchId, before.branchId),
        isNull(committeePositions.endedOn),
        gt(committeePositions.endsOn, input.transferredOn),
      ),
    )
    .returning({ id: committeePositions.id });
  await ctx.audit({
    action: 'person.transfer',
    entityType: 'person',
    entityId: before.id,
    before: { branchId: before.branchId },
    after: { branchId: after!.branchId, transferId: transfer!.id, transferredOn: input.transferredOn, reason: input.reason, endedTerms: ended.map((t) => t.id) },
  });
  return { person: after!, transfer: transfer!, toName: to.name };
}

/** Links a person to a user account (a secretary signs in as themselves); one person per account. */
export async function linkAccount(ctx: ActionContext, input: z.infer<typeof linkAccountSchema>) {
  const before = await loadPerson(ctx, input.id, input.version);
  const [account] = await ctx.tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, input.userId));
  if (!account) throw new AppError('invalid', '所选账号不存在。', 'userId');
  const [holder] = await ctx.tx.select({ id: people.id, name: people.name }).from(people).where(eq(people.userId, account.id));
  if (holder && holder.id !== before.id) throw new AppError('conflict', `账号 ${account.username} 已关联到 ${holder.name}。`, 'userId');
  const [after] = await ctx.tx
    .update(people)
    .set({ userId: account.id, version: sql`${people.version} + 1` })
    .where(eq(people.id, before.id))
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, 'people_user_key') ? new AppError('conflict', `账号 ${account.username} 已关联到其他人员。`, 'userId') : error;
    });
  await ctx.audit({ action: 'person.link_account', entityType: 'person', entityId: before.id, before: { userId: before.userId }, after: { userId: account.id, username: account.username } });
  return after!;
}

export async function unlinkAccount(ctx: ActionContext, input: z.infer<typeof unlinkAccountSchema>) {
  const before = await loadPerson(ctx, input.id, input.version);
  if (before.userId === null) throw new AppError('conflict', '该人员没有关联账号。');
  const [after] = await ctx.tx
    .update(people)
    .set({ userId: null, version: sql`${people.version} + 1` })
    .where(eq(people.id, before.id))
    .returning();
  await ctx.audit({ action: 'person.unlink_account', entityType: 'person', entityId: before.id, before: { userId: before.userId }, after: { userId: null } });
  return after!;
}
