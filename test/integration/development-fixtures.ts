import { and, eq, ne, notInArray } from 'drizzle-orm';
import type { Database } from '@/db/open';
import { developmentDocuments, developmentRecords, developmentRuleSets, developmentTransitions } from '@/db/schema/development';
import { people } from '@/db/schema/people';
import type { Action } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { addDays, todayInBeijing } from '@/lib/calendar/days';
import { developmentRuleFields } from '@/lib/development/schemas';
import type { StepKind } from '@/lib/development/steps';
import { pdf } from '../fixtures/media';
import { branchIdOf, form } from './auth-fixtures';
import { fileForm } from './media-fixtures';

// Development files written straight to the database, each ready for one step, for the
// development tests and the permission matrix. The demo secretary's branch is U01-B1.

export const SECRETARY_BRANCH = 'U01-B1';
export const inDays = (n: number) => addDays(todayInBeijing(), n);

type RecordValues = Partial<typeof developmentRecords.$inferInsert>;

let made = 0;

/** A new person with a development file in `branchId`, at `stage`, with the given dates. */
export async function candidateIn(db: Database, branchId: number, values: RecordValues & { stage: (typeof developmentRecords.$inferInsert)['stage'] }) {
  const stage = values.stage!;
  const status = stage === 'dropped' || stage === 'cancelled' ? 'applicant' : stage;
  const [person] = await db
    .insert(people)
    .values({ branchId, name: `测试发展对象${++made}`, status, statusSince: values.appliedOn ?? inDays(-10) })
    .returning();
  const appliedOn = values.appliedOn ?? inDays(-10);
  const [record] = await db
    .insert(developmentRecords)
    .values({ personId: person!.id, branchId, appliedOn, ...values })
    .returning();
  await db.insert(developmentTransitions).values({ recordId: record!.id, fromStage: null, toStage: 'applicant', step: 'apply', decidedOn: appliedOn, decidingBody: 'branch_committee' });
  return { person: person!, record: record! };
}

/** Dates that make a file ready for `step` today under the 2014 rules. */
export function readyFor(step: StepKind): RecordValues & { stage: NonNullable<RecordValues['stage']> } {
  const applicant = { appliedOn: inDays(-900), talkedOn: inDays(-890) };
  const activist = { ...applicant, stage: 'activist' as const, activistOn: inDays(-800) };
  const target = { ...activist, stage: 'development_target' as const, targetOn: inDays(-400) };
  const reviewed = { ...target, politicalReviewOn: inDays(-390), concentratedTrainingOn: inDays(-380), concentratedTrainingDays: 3, preReviewedOn: inDays(-20) };
  const probationary = { ...reviewed, preReviewedOn: inDays(-450), stage: 'probationary' as const, probationaryOn: inDays(-30) };
  const sworn = { ...probationary, probationaryOn: inDays(-400), approvedOn: inDays(-360), oathOn: inDays(-350) };
  switch (step) {
    case 'talk':
      return { stage: 'applicant', appliedOn: inDays(-10) };
    case 'to_activist':
    case 'drop':
      return { stage: 'applicant', ...applicant };
    case 'assessment':
    case 'to_target':
      return activist;
    case 'political_review':
    case 'training':
      return target;
    case 'pre_review':
      return { ...reviewed, preReviewedOn: null };
    case 'to_probationary':
      return reviewed;
    case 'approval':
    case 'cancel':
      return probationary;
    case 'oath':
      return { ...probationary, approvedOn: inDays(-5) };
    case 'extend':
    case 'to_full_member':
      return sworn;
    case 'conversion_approval':
      return { ...sworn, stage: 'full_member', fullMemberOn: inDays(-20) };
  }
}

/** Two full members of `branchId`, other than the candidate, for the introducer fields. */
export async function fullMembersOf(db: Database, branchId: number, except: number[] = []) {
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.branchId, branchId), eq(people.status, 'full_member'), except.length ? notInArray(people.id, except) : ne(people.id, 0)))
    .limit(2);
}

/** A valid form for `step` on the file (introducers, training, extension, result, reason as the step needs). */
export async function stepForm(db: Database, step: StepKind, file: { person: { id: number; branchId: number }; record: { version: number } }, overrides: Record<string, string> = {}) {
  const values: Record<string, string | number> = { personId: file.person.id, version: file.record.version, step, decidedOn: todayInBeijing() };
  if (step === 'to_target') {
    const [a, b] = await fullMembersOf(db, file.person.branchId, [file.person.id]);
    Object.assign(values, { introducer1: a!.id, introducer2: b!.id });
  }
  // A training typed by hand (not linked to a training record) says where and when it was held.
  if (step === 'training') Object.assign(values, { trainingDays: 3, trainingHours: 24, note: '区委党校举办，连续三天' });
  if (step === 'extend') values.extensionMonths = 6;
  if (step === 'assessment') values.result = 'qualified';
  if (step === 'drop' || step === 'cancel') values.note = '本人主动提出';
  return form({ ...values, ...overrides });
}

/** A batch form: one step and date, a ticked `person-<id>` box per file. */
export function batchForm(step: StepKind, files: { person: { id: number } }[], overrides: Record<string, string> = {}) {
  const values: Record<string, string> = { step, decidedOn: todayInBeijing() };
  for (const f of files) values[`person-${f.person.id}`] = '1';
  if (step === 'training') Object.assign(values, { trainingDays: '3', trainingHours: '24', note: '市委党校举办，为期三天' });
  if (step === 'extend') values.extensionMonths = '6';
  if (step === 'assessment') values.result = 'qualified';
  if (step === 'drop' || step === 'cancel') values.note = '本人主动提出';
  return form({ ...values, ...overrides });
}

/** The new-version form filled from the latest set's values. */
export async function ruleSetForm(db: Database, overrides: Record<string, string> = {}) {
  const [latest] = await db.select().from(developmentRuleSets).orderBy(developmentRuleSets.effectiveFrom).limit(1);
  const rules = latest!.rules as Record<string, number>;
  return form({ name: '发展党员规则（测试修订）', source: '测试', effectiveFrom: inDays(200), ...Object.fromEntries(developmentRuleFields.map(([key]) => [key, String(rules[key])])), ...overrides });
}

type Case = { permission: Action; audit: string; form: (role: Role) => Promise<FormData> };

/** The permission matrix's rows for lib/development/actions.ts; files sit in the demo secretary's branch. */
export function developmentCases(db: () => Database): Record<string, Case> {
  let sets = 0;
  return {
    recordDevelopmentStepAction: {
      permission: 'development.write',
      audit: 'development.step',
      form: async () => {
        const file = await candidateIn(db(), await branchIdOf(db(), SECRETARY_BRANCH), readyFor('talk'));
        return stepForm(db(), 'talk', file);
      },
    },
    openDevelopmentFileAction: {
      permission: 'development.write',
      audit: 'development.open',
      form: async () => {
        const [person] = await db()
          .insert(people)
          .values({ branchId: await branchIdOf(db(), SECRETARY_BRANCH), name: `矩阵申请人${++made}`, status: 'applicant' })
          .returning();
        return form({ personId: person!.id, appliedOn: inDays(-3) });
      },
    },
    runDevelopmentBatchAction: {
      permission: 'development.batch',
      audit: 'development.batch',
      form: async () => {
        const home = await branchIdOf(db(), SECRETARY_BRANCH);
        const files = [await candidateIn(db(), home, readyFor('oath')), await candidateIn(db(), home, readyFor('oath'))];
        return batchForm('oath', files);
      },
    },
    correctDevelopmentStepAction: {
      permission: 'development.correct',
      audit: 'development.correct',
      form: async () => {
        const file = await candidateIn(db(), await branchIdOf(db(), SECRETARY_BRANCH), readyFor('talk'));
        const [applied] = await db().select().from(developmentTransitions).where(eq(developmentTransitions.recordId, file.record.id));
        return form({ personId: file.person.id, version: file.record.version, transitionId: applied!.id, correctedOn: inDays(-12), reason: '申请书落款日期为准' });
      },
    },
    uploadDevelopmentDocumentAction: {
      permission: 'development.write',
      audit: 'development.document_upload',
      form: async () => {
        const file = await candidateIn(db(), await branchIdOf(db(), SECRETARY_BRANCH), readyFor('talk'));
        return fileForm({ personId: file.person.id, kind: 'application', title: '入党申请书' }, pdf(), '入党申请书.pdf');
      },
    },
    removeDevelopmentDocumentAction: {
      permission: 'development.write',
      audit: 'development.document_remove',
      form: async () => {
        const file = await candidateIn(db(), await branchIdOf(db(), SECRETARY_BRANCH), readyFor('talk'));
        const [document] = await db()
          .insert(developmentDocuments)
          .values({ recordId: file.record.id, kind: 'other', title: '矩阵材料', storageKey: `development/${file.record.id}/00/matrix.pdf`, mimeType: 'application/pdf', byteSize: 1, originalName: 'matrix.pdf' })
          .returning();
        return form({ personId: file.person.id, id: document!.id, reason: '矩阵测试移除' });
      },
    },
    createDevelopmentRuleSetAction: {
      permission: 'rules.manage',
      audit: 'development.rules_create',
      form: async () => ruleSetForm(db(), { effectiveFrom: inDays(300 + ++sets) }),
    },
  };
}
