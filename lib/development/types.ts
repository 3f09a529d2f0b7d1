import type { DevelopmentDocumentKind } from '@/db/schema/development';
import type { ConcentratedTraining } from './concentrated-training';
import type { DocumentMime } from './document-types';
import type { DueItem } from './engine';
import type { DecidingBody, RecordStage, StepKind } from './steps';

export type { DueItem, DueState } from './engine';
export type { AssessmentResult, DecidingBody, RecordStage, StepKind } from './steps';

export type BoardItem = {
  personId: number;
  name: string;
  branchId: number;
  branchName: string;
  stage: RecordStage;
  stageSince: string;
  due: DueItem[];
  /** The earliest open deadline, or null. */
  next: DueItem | null;
};

export type BoardFilters = { branchId?: number; stage?: RecordStage; overdue?: boolean };

export type BoardPage = { items: BoardItem[]; total: number; page: number; pageCount: number; pageSize: number; counts: { overdue: number; warning: number } };

export type StepRow = {
  id: number;
  step: StepKind | 'apply' | null;
  fromStage: RecordStage | null;
  toStage: RecordStage;
  /** The date as it stands (after any correction). */
  decidedOn: string;
  /** The date the step was written with; differs from decidedOn when corrected. */
  writtenOn: string;
  correctionReason: string | null;
  decidingBody: DecidingBody;
  note: string | null;
  ruleSetName: string | null;
  createdByName: string | null;
};

export type DevelopmentFileView = {
  personId: number;
  name: string;
  personStatus: string;
  branchId: number;
  branchName: string;
  recordId: number;
  version: number;
  stage: RecordStage;
  dates: Record<string, string | null>;
  training: { days: number | null; hours: number | null };
  /** The training record the 集中培训 step cited, when it cited one. */
  linkedTraining: ConcentratedTraining | null;
  /** Completed concentrated rounds the training step may cite (only while it can be taken). */
  trainingOptions: ConcentratedTraining[];
  extensionMonths: number | null;
  steps: StepRow[];
  assessments: { id: number; assessedOn: string; result: string; note: string | null }[];
  introducers: { personId: number; name: string; assignedOn: string }[];
  legacyIntroducers: string[];
  due: DueItem[];
  offered: { step: StepKind; allowed: boolean; reason: string | null }[];
  introducerOptions: { id: number; label: string }[];
  canWrite: boolean;
  canCorrect: boolean;
  ruleSetInForce: { name: string; effectiveFrom: string } | null;
};

export type DevelopmentDocumentItem = {
  id: number;
  kind: DevelopmentDocumentKind;
  title: string;
  name: string;
  mimeType: DocumentMime;
  byteSize: number;
  uploadedAt: Date;
  uploadedByName: string | null;
  removedAt: Date | null;
  removedByName: string | null;
  removalReason: string | null;
  /** The download link; null once removed (a removed document is not served). */
  url: string | null;
};
