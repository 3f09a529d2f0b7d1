import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { activityRecords } from './activities';
import { branches } from './branches';
import { oneOf, timestamps, versioned } from './helpers';
import { inspections } from './inspections';

// An auditor's finding and its rectification loop (整改): raised → answered → closed, or
// reopened and answered again. Findings are never deleted, and every step is a row of
// `finding_steps`; the triggers of the record_reviews migration refuse anything else in SQL.

/** 内容不实, 出勤不足, 缺少佐证, 补录迟报, 形式主义, 其他. */
export const findingCategories = ['false_content', 'insufficient_attendance', 'missing_evidence', 'late_entry', 'formalism', 'other'] as const;
export type FindingCategory = (typeof findingCategories)[number];

export const findingStates = ['open', 'answered', 'reopened', 'closed'] as const;
export type FindingState = (typeof findingStates)[number];

/** What raised the finding: a review of one record, or an inspection of a node. */
export const findingSources = ['record_review', 'inspection'] as const;

export const findingStepKinds = ['raise', 'answer', 'reopen', 'close'] as const;
export type FindingStepKind = (typeof findingStepKinds)[number];

export const findings = pgTable(
  'findings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    source: text({ enum: findingSources }).notNull(),
    // The node that must rectify: the record's node for a review, the inspected node for an
    // inspection. Scoping (a secretary's subtree, overdue per unit) reads this column.
    branchId: integer()
      .notNull()
      .references(() => branches.id, { onDelete: 'restrict' }),
    recordId: integer().references(() => activityRecords.id, { onDelete: 'restrict' }),
    // The record's revision the finding was raised on: an answer may name a later one.
    recordRevision: integer(),
    // The inspection that raised it (source 'inspection' only).
    inspectionId: integer().references(() => inspections.id, { onDelete: 'restrict' }),
    category: text({ enum: findingCategories }).notNull(),
    comment: text().notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    state: text({ enum: findingStates }).notNull().default('open'),
    raisedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The calendar day (Asia/Shanghai) it was raised: figures count findings by it.
    raisedOn: date({ mode: 'string' }).notNull(),
    lastStepAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...versioned,
  },
  (t) => [
    index('findings_record_idx').on(t.recordId, t.id),
    // Open findings of a subtree and overdue ones per unit: by node, then due day.
    index('findings_branch_due_idx').on(t.branchId, t.dueOn, t.id).where(sql`${t.state} <> 'closed'`),
    index('findings_raised_idx').on(t.raisedOn, t.branchId),
    index('findings_inspection_idx').on(t.inspectionId, t.id),
    check('findings_source_check', oneOf(t.source, findingSources)),
    check('findings_category_check', oneOf(t.category, findingCategories)),
    check('findings_state_check', oneOf(t.state, findingStates)),
    check('findings_comment_check', sql`length(trim(${t.comment})) > 0`),
    check('findings_record_check', sql`${t.source} <> 'record_review' or (${t.recordId} is not null and ${t.recordRevision} is not null)`),
    check('findings_inspection_check', sql`(${t.source} = 'inspection') = (${t.inspectionId} is not null)`),
    check('findings_closed_check', sql`(${t.state} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/**
 * Every step of a finding, append-only: who, when, the note (the finding's comment, the
 * 整改说明, the reason to reopen, the closing remark) and what the step set.
 */
export const findingSteps = pgTable(
  'finding_steps',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    findingId: integer()
      .notNull()
      .references(() => findings.id, { onDelete: 'restrict' }),
    kind: text({ enum: findingStepKinds }).notNull(),
    note: text().notNull(),
    // An answer's corrected record: the revision the branch wrote to rectify it.
    correctedRevision: integer(),
    // A raise sets the due day; a reopen may move it.
    dueOn: date({ mode: 'string' }),
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('finding_steps_finding_idx').on(t.findingId, t.id),
    check('finding_steps_kind_check', oneOf(t.kind, findingStepKinds)),
    check('finding_steps_note_check', sql`${t.kind} = 'close' or length(trim(${t.note})) > 0`),
    check('finding_steps_revision_check', sql`${t.kind} = 'answer' or ${t.correctedRevision} is null`),
  ],
);
