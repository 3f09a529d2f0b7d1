import type { Database } from '@/db/open';
import { inspections, type InspectionStatus } from '@/db/schema/inspections';
import { findings, findingSteps, type FindingState } from '@/db/schema/reviews';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { branchIdOf, form, userRow } from './auth-fixtures';
import { inDays, today } from './reviews-fixtures';

// Inspections and their findings written straight to the database in a chosen state, for the
// inspection tests and the permission matrix (inserts are not guarded; steps follow).

export async function inspectionIn(db: Database, code: string, { status = 'draft' as InspectionStatus, inspectedOn = today() } = {}) {
  const auditor = (await userRow(db, 'auditor')).id;
  const [row] = await db
    .insert(inspections)
    .values({
      branchId: await branchIdOf(db, code),
      inspectedOn,
      method: 'unannounced',
      scope: '查看三会一课记录和党费收缴台账',
      status,
      releasedAt: status === 'released' ? new Date() : null,
      releasedBy: status === 'released' ? auditor : null,
      createdBy: auditor,
    })
    .returning();
  return row!;
}

export type InspectionFindingOptions = { state?: FindingState; dueOn?: string; raisedOn?: string; closedAt?: Date | null };

export async function inspectionFindingIn(db: Database, inspection: { id: number; branchId: number }, { state = 'open', dueOn = inDays(30), raisedOn = today(), closedAt }: InspectionFindingOptions = {}) {
  const auditor = (await userRow(db, 'auditor')).id;
  return db.transaction(async (tx) => {
    const [finding] = await tx
      .insert(findings)
      .values({
        source: 'inspection',
        branchId: inspection.branchId,
        inspectionId: inspection.id,
        category: 'formalism',
        comment: '活动照片重复使用',
        dueOn,
        state,
        raisedBy: auditor,
        raisedOn,
        closedAt: state === 'closed' ? (closedAt ?? new Date()) : null,
        closedBy: state === 'closed' ? auditor : null,
      })
      .returning();
    await tx.insert(findingSteps).values({ findingId: finding!.id, kind: 'raise', note: finding!.comment, dueOn, actorId: auditor });
    return finding!;
  });
}

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

/** The permission matrix's rows for lib/inspections/actions.ts; targets sit in the demo secretary's branch. */
export function inspectionCases(db: () => Database): Record<string, Case> {
  const BRANCH = 'U01-B1';
  return {
    createInspectionAction: {
      permission: 'inspections.manage',
      audit: 'inspection.create',
      form: async () => form({ branchId: await branchIdOf(db(), BRANCH), inspectedOn: today(), method: 'announced', scope: '查看主题党日开展情况' }),
    },
    addInspectionFindingAction: {
      permission: 'inspections.manage',
      audit: 'inspection.add_finding',
      form: async () => form({ inspectionId: (await inspectionIn(db(), BRANCH)).id, category: 'missing_evidence', comment: '缺少签到表', dueOn: inDays(30) }),
    },
    releaseInspectionAction: {
      permission: 'inspections.manage',
      audit: 'inspection.release',
      form: async () => {
        const i = await inspectionIn(db(), BRANCH);
        return form({ inspectionId: i.id, version: i.version });
      },
    },
    draftInspectionNoticeAction: {
      permission: 'inspections.notice',
      audit: 'inspection.notice_draft',
      form: async () => {
        const i = await inspectionIn(db(), BRANCH, { status: 'released' });
        await inspectionFindingIn(db(), i, { state: 'closed' });
        return form({ inspectionId: i.id });
      },
    },
  };
}
