import 'server-only';
import { and, eq, lte, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { committeePositions, people } from '@/db/schema/people';
import type { ActionContext } from '@/lib/actions/define-action';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { loadBranch } from './commands';
import { termEnd } from './dates';
import { branchKindLabels, positionLabels } from './kinds';
import { termRulesInForce } from './rules-in-force';
import type { appointPositionSchema, endTermSchema, setTermSchema } from './schemas';

// Writes on a node's committee: appointments and their terms. Each runs inside the action's
// transaction, checks its target and records its audit row; a term is ended, never deleted.

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
