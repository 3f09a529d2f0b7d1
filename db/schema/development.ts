import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';
import { people } from './people';
import { trainees } from './training';

// Member development (发展党员): the stage each person has reached, the evidence behind it and
// the rule sets that date its deadlines.

export const developmentStages = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'] as const;
export type DevelopmentStage = (typeof developmentStages)[number];

/** Where a record ends when it leaves the way to membership: 不再列为 / 取消预备党员资格. */
export const developmentExits = ['dropped', 'cancelled'] as const;
export const developmentRecordStages = [...developmentStages, ...developmentExits] as const;
export type DevelopmentRecordStage = (typeof developmentRecordStages)[number];

export const decidingBodies = ['branch_committee', 'general_meeting', 'higher_committee'] as const;

/** Kinds of step (lib/development/steps.ts): stage changes and the events inside a stage. */
export const developmentStepKinds = [
  'apply',
  'talk',
  'to_activist',
  'assessment',
  'to_target',
  'political_review',
  'training',
  'pre_review',
  'to_probationary',
  'approval',
  'oath',
  'extend',
  'to_full_member',
  'conversion_approval',
  'drop',
  'cancel',
] as const;

export const assessmentResults = ['excellent', 'qualified', 'unqualified'] as const;

/**
 * Versioned rules of member development (the 2014 细则, its 2026 revision …): durations and
 * deadlines are data with an effective date, so a revision is a new row, not a code change.
 */
export const developmentRuleSets = pgTable(
  'development_rule_sets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    rules: jsonb().$type<Record<string, unknown>>().notNull(),
    source: text().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [uniqueIndex('development_rule_sets_effective_key').on(t.effectiveFrom)],
);

/** One person's way through the stages, with the date each stage began. */
export const developmentRecords = pgTable(
  'development_records',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    stage: text({ enum: developmentRecordStages }).notNull().default('applicant'),
    appliedOn: date({ mode: 'string' }).notNull(),
    talkedOn: date({ mode: 'string' }),
    activistOn: date({ mode: 'string' }),
    targetOn: date({ mode: 'string' }),
    politicalReviewOn: date({ mode: 'string' }),
    concentratedTrainingOn: date({ mode: 'string' }),
    concentratedTrainingDays: integer(),
    concentratedTrainingHours: integer(),
    // The completion in a concentrated round (集中培训) the training step was taken from; null when
    // the training was held outside the system and entered by hand (explained in the step's note).
    concentratedTraineeId: integer().references(() => trainees.id, { onDelete: 'restrict' }),
    preReviewedOn: date({ mode: 'string' }),
    probationaryOn: date({ mode: 'string' }),
    approvedOn: date({ mode: 'string' }),
    oathOn: date({ mode: 'string' }),
    extendedOn: date({ mode: 'string' }),
    extensionMonths: integer(),
    probationExtendedUntil: date({ mode: 'string' }),
    fullMemberOn: date({ mode: 'string' }),
    conversionApprovedOn: date({ mode: 'string' }),
    exitedOn: date({ mode: 'string' }),
    // Legacy free-text names; introducers are development_introducers rows (people) since 0013.
    introducers: text().array().notNull().default(sql`'{}'::text[]`),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    uniqueIndex('development_records_person_key').on(t.personId),
    index('development_records_branch_stage_idx').on(t.branchId, t.stage),
    // A trainee row cannot be deleted while a file cites it (the foreign key looks it up here).
    index('development_records_trainee_idx').on(t.concentratedTraineeId),
    check('development_records_stage_check', oneOf(t.stage, developmentRecordStages)),
    check('development_records_extension_check', sql`${t.extensionMonths} is null or ${t.extensionMonths} between 1 and 36`),
  ],
);

/** Each stage change with its date and deciding body: the evidence behind the stage dates. */
export const developmentTransitions = pgTable(
  'development_transitions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => developmentRecords.id, { onDelete: 'cascade' }),
    fromStage: text({ enum: developmentRecordStages }),
    toStage: text({ enum: developmentRecordStages }).notNull(),
    // The kind of step; null on rows written before steps were recorded (a stage change).
    step: text({ enum: developmentStepKinds }),
    decidedOn: date({ mode: 'string' }).notNull(),
    decidingBody: text({ enum: decidingBodies }).notNull(),
    note: text(),
    ruleSetId: integer().references(() => developmentRuleSets.id, { onDelete: 'restrict' }),
    // The batch that wrote the step, when it was one of many people (lib/development/batch.ts).
    batchId: integer().references((): AnyPgColumn => developmentBatches.id, { onDelete: 'restrict' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('development_transitions_record_idx').on(t.recordId, t.decidedOn),
    // The yearly figures count steps of a kind by the day they happened.
    index('development_transitions_step_decided_idx').on(t.step, t.decidedOn),
    check('development_transitions_to_check', oneOf(t.toStage, developmentRecordStages)),
    check('development_transitions_step_check', sql`${t.step} is null or ${oneOf(t.step, developmentStepKinds)}`),
    check('development_transitions_body_check', oneOf(t.decidingBody, decidingBodies)),
  ],
);

/** The two (or as many as the rule set requires) full members who introduce a candidate. */
export const developmentIntroducers = pgTable(
  'development_introducers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => developmentRecords.id, { onDelete: 'cascade' }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    assignedOn: date({ mode: 'string' }).notNull(),
    transitionId: integer().references(() => developmentTransitions.id, { onDelete: 'restrict' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('development_introducers_record_person_key').on(t.recordId, t.personId), index('development_introducers_person_idx').on(t.personId)],
);

/** The branch's half-yearly assessments of an activist (and of a development target). */
export const developmentAssessments = pgTable(
  'development_assessments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => developmentRecords.id, { onDelete: 'cascade' }),
    assessedOn: date({ mode: 'string' }).notNull(),
    result: text({ enum: assessmentResults }).notNull(),
    note: text(),
    transitionId: integer().references(() => developmentTransitions.id, { onDelete: 'restrict' }),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('development_assessments_record_idx').on(t.recordId, t.assessedOn), check('development_assessments_result_check', oneOf(t.result, assessmentResults))],
);

/** One person's outcome in a batch: moved (with the step row written) or refused with the rule quoted. */
export type DevelopmentBatchOutcome =
  | { personId: number; name: string; branchName: string; ok: true; fromStage: string; toStage: string }
  | { personId: number; name: string; branchName: string; ok: false; field: string; reason: string };

/**
 * One step with one date applied to many people at once (all development targets of a training,
 * all probationary members sworn in together). Each person is judged alone; the accepted steps
 * and this row commit together. Append-only: the row is the record of what the batch did.
 */
export const developmentBatches = pgTable(
  'development_batches',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    step: text({ enum: developmentStepKinds }).notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    decidingBody: text({ enum: decidingBodies }).notNull(),
    note: text(),
    /** The step's own fields (training days/hours, extension months, assessment result). */
    fields: jsonb().$type<Record<string, string | number | null>>().notNull().default(sql`'{}'::jsonb`),
    movedCount: integer().notNull(),
    refusedCount: integer().notNull(),
    outcomes: jsonb().$type<DevelopmentBatchOutcome[]>().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('development_batches_created_idx').on(t.createdAt, t.id),
    check('development_batches_step_check', oneOf(t.step, developmentStepKinds)),
    check('development_batches_body_check', oneOf(t.decidingBody, decidingBodies)),
  ],
);

/**
 * A correction (补正) of a written step's date: steps are append-only, so a wrong date is
 * superseded by a row here with the reason; the latest correction of a step is its date
 * thereafter (the engine, the board, the figures). The original stays visible in the file.
 */
export const developmentCorrections = pgTable(
  'development_corrections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    transitionId: integer()
      .notNull()
      .references(() => developmentTransitions.id, { onDelete: 'restrict' }),
    recordId: integer()
      .notNull()
      .references(() => developmentRecords.id, { onDelete: 'cascade' }),
    previousOn: date({ mode: 'string' }).notNull(),
    correctedOn: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('development_corrections_transition_idx').on(t.transitionId, t.id),
    index('development_corrections_record_idx').on(t.recordId, t.id),
    check('development_corrections_reason_check', sql`length(trim(${t.reason})) > 0`),
  ],
);

/** Kinds of document kept in a development file (入党申请书, 思想汇报 …). */
export const developmentDocumentKinds = ['application', 'thought_report', 'political_review', 'assessment', 'admission_form', 'conversion_application', 'other'] as const;
export type DevelopmentDocumentKind = (typeof developmentDocumentKinds)[number];

/** File types accepted for documents, decided by content (lib/development/document-types.ts). */
export const developmentDocumentMimes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/**
 * The documents of a development file (scans of the application, thought reports, review
 * material …). Personal data: removal is a mark with who, when and why, never a delete, so the
 * trail keeps what the file once held; a removed document is no longer served.
 */
export const developmentDocuments = pgTable(
  'development_documents',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => developmentRecords.id, { onDelete: 'restrict' }),
    kind: text({ enum: developmentDocumentKinds }).notNull(),
    title: text().notNull(),
    storageKey: text().notNull(),
    mimeType: text({ enum: developmentDocumentMimes }).notNull(),
    byteSize: integer().notNull(),
    originalName: text().notNull(),
    uploadedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp({ withTimezone: true }),
    removedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    removalReason: text(),
  },
  (t) => [
    index('development_documents_record_idx').on(t.recordId, t.uploadedAt),
    check('development_documents_kind_check', oneOf(t.kind, developmentDocumentKinds)),
    check('development_documents_mime_check', oneOf(t.mimeType, developmentDocumentMimes)),
    check('development_documents_title_check', sql`length(trim(${t.title})) > 0`),
    check('development_documents_size_check', sql`${t.byteSize} > 0`),
    check('development_documents_removal_check', sql`(${t.removedAt} is null) = (${t.removalReason} is null)`),
  ],
);
