import 'server-only';
import { and, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { committeePositions, type CommitteePositionKind, people } from '@/db/schema/people';
import { trainees, trainingRounds } from '@/db/schema/training';
import type { ActionContext } from '@/lib/actions/define-action';
import { can } from '@/lib/auth/permissions';
import { branchSubtree } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import type { EnrolPeopleInput, EnrolUnitInput } from './schemas';

// Enrolment ('training.enrol'): admins enrol anyone, a secretary only people of their own
// subtree (a node or person outside it is refused with 403 before anything is written). Someone
// already enrolled is left as they are; the trainee keeps the branch they belong to today.

/** Who "the unit's secretaries" and "its committee members" are: positions in post today. */
const positionsOf: Record<EnrolUnitInput['whom'], readonly CommitteePositionKind[]> = {
  secretaries: ['secretary'],
  committee_members: ['secretary', 'deputy_secretary', 'organization_member', 'propaganda_member', 'discipline_member', 'committee_member'],
};

/** The round, if the actor may still enrol in it: a secretary only until it ends; an admin also records past ones. */
async function roundFor(ctx: ActionContext, roundId: number, today: string) {
  const [round] = await ctx.tx
    .select({ id: trainingRounds.id, name: trainingRounds.name, endsOn: trainingRounds.endsOn })
    .from(trainingRounds)
    .where(eq(trainingRounds.id, roundId))
    .for('share');
  if (!round) throw new AppError('not_found', '没有找到该培训班。');
  if (round.endsOn < today && !can(ctx.user, 'training.manage')) throw new AppError('invalid', `该培训班已于 ${round.endsOn} 结束，不能再报名。`);
  return round;
}

async function enrol(ctx: ActionContext, roundId: number, found: { id: number; branchId: number }[], today: string) {
  if (found.length === 0) return [];
  return ctx.tx
    .insert(trainees)
    .values(found.map((p) => ({ roundId, personId: p.id, branchId: p.branchId, enrolledOn: today, createdBy: ctx.user.id })))
    .onConflictDoNothing({ target: [trainees.roundId, trainees.personId] })
    .returning({ id: trainees.id, personId: trainees.personId });
}

export async function enrolUnit(ctx: ActionContext, input: EnrolUnitInput) {
  ctx.authorizeTarget({ branchId: input.branchId });
  const today = todayInBeijing();
  const round = await roundFor(ctx, input.roundId, today);
  const subtree = await branchSubtree(ctx.tx, input.branchId);
  if (subtree.length === 0) throw new AppError('invalid', '请选择单位或党组织。', 'branchId');
  const holders = await ctx.tx
    .selectDistinct({ id: people.id, branchId: people.branchId })
    .from(committeePositions)
    .innerJoin(people, eq(people.id, committeePositions.personId))
    .where(
      and(
        inArray(committeePositions.branchId, subtree),
        inArray(committeePositions.position, [...positionsOf[input.whom]]),
        lte(committeePositions.startsOn, today),
        gte(committeePositions.endsOn, today),
        or(isNull(committeePositions.endedOn), gt(committeePositions.endedOn, today)),
      ),
    );
  // A holder whose roster entry lies outside the actor's scope is not theirs to enrol.
  const inScope = holders.filter((p) => can(ctx.user, 'training.enrol', { branchId: p.branchId }));
  if (inScope.length === 0) {
    throw new AppError('invalid', input.whom === 'secretaries' ? '该组织及其下级目前没有在任的书记。' : '该组织及其下级目前没有在任的委员。', 'branchId');
  }
  const added = await enrol(ctx, round.id, inScope, today);
  await ctx.audit({ action: 'training.enrol', entityType: 'training_round', entityId: round.id, after: { branchId: input.branchId, whom: input.whom, added: added.map((a) => a.personId) } });
  return { added: added.length, already: inScope.length - added.length };
}

export async function enrolPeople(ctx: ActionContext, input: EnrolPeopleInput) {
  const today = todayInBeijing();
  const round = await roundFor(ctx, input.roundId, today);
  const ids = [...new Set(input.personIds)];
  const found = await ctx.tx.select({ id: people.id, branchId: people.branchId }).from(people).where(inArray(people.id, ids));
  if (found.length !== ids.length) throw new AppError('invalid', '所选人员中有人不在名册中，请重新选择。', 'personIds');
  for (const p of found) ctx.authorizeTarget({ branchId: p.branchId });
  const added = await enrol(ctx, round.id, found, today);
  await ctx.audit({ action: 'training.enrol', entityType: 'training_round', entityId: round.id, after: { added: added.map((a) => a.personId) } });
  return { added: added.length, already: found.length - added.length };
}
