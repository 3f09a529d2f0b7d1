import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { activityRecords } from '@/db/schema/activities';
import { findings, findingSteps, type FindingState } from '@/db/schema/reviews';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { form, userRow } from './auth-fixtures';
import { submittedIn } from './records-fixtures';

// Findings written straight to the database in a chosen state, for the review tests and the
// permission matrix. Rows are inserted whole (inserts are not guarded); steps follow.

export const today = () => todayInBeijing();
export const inDays = (n: number) => addDays(todayInBeijing(), n);

export type FindingOptions = { state?: FindingState; dueOn?: string; raisedOn?: string; recordValues?: Parameters<typeof submittedIn>[2] };

/** A submitted record of `code`'s node with one finding in `state`, the record flagged while it is open. */
export async function findingIn(db: Database, code: string, { state = 'open', dueOn = inDays(30), raisedOn = today(), recordValues }: FindingOptions = {}) {
  const record = await submittedIn(db, code, recordValues);
  const auditor = (await userRow(db, 'auditor')).id;
  return db.transaction(async (tx) => {
    const [finding] = await tx
      .insert(findings)
      .values({
        source: 'record_review',
        branchId: record.branchId,
        recordId: record.id,
        recordRevision: 1,
        category: 'missing_evidence',
        comment: '缺少签到表和会议照片',
        dueOn,
        state,
        raisedBy: auditor,
        raisedOn,
        closedAt: state === 'closed' ? new Date() : null,
        closedBy: state === 'closed' ? auditor : null,
      })
      .returning();
    await tx.insert(findingSteps).values({ findingId: finding!.id, kind: 'raise', note: finding!.comment, dueOn, actorId: auditor });
    if (state !== 'closed') await tx.execute(sql`update activity_records set status = 'flagged' where id = ${record.id}`);
    const [after] = await tx.select().from(activityRecords).where(eq(activityRecords.id, record.id));
    return { finding: finding!, record: after! };
  });
}

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

/** The permission matrix's rows for lib/reviews/actions.ts; targets sit in the demo secretary's branch. */
export function reviewCases(db: () => Database): Record<string, Case> {
  const BRANCH = 'U01-B1';
  const findingForm = async (state: FindingState, values: Record<string, string>) => {
    const { finding } = await findingIn(db(), BRANCH, { state });
    return form({ findingId: finding.id, version: finding.version, ...values });
  };
  return {
    markRecordReviewedAction: {
      permission: 'reviews.mark',
      audit: 'review.mark',
      form: async () => {
        const record = await submittedIn(db(), BRANCH);
        return form({ recordId: record.id, revision: record.revision });
      },
    },
    raiseFindingAction: {
      permission: 'reviews.mark',
      audit: 'finding.raise',
      form: async () => {
        const record = await submittedIn(db(), BRANCH);
        return form({ recordId: record.id, revision: record.revision, category: 'insufficient_attendance', comment: '到会人数不足半数', dueOn: inDays(30) });
      },
    },
    answerFindingAction: { permission: 'reviews.answer', audit: 'finding.answer', form: () => findingForm('open', { note: '已补充签到表' }) },
    reopenFindingAction: { permission: 'reviews.mark', audit: 'finding.reopen', form: () => findingForm('answered', { comment: '签到表不清晰' }) },
    closeFindingAction: { permission: 'reviews.mark', audit: 'finding.close', form: () => findingForm('answered', { note: '整改到位' }) },
  };
}
