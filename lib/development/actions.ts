'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { runDevelopmentBatch } from './batches';
import { correctDevelopmentStep } from './corrections';
import { createDevelopmentRuleSet, openDevelopmentFile, recordDevelopmentStep } from './commands';
import { removeDocumentSchema, uploadDocumentSchema } from './document-schemas';
import { removeDevelopmentDocument, uploadDevelopmentDocument } from './documents';
import { correctStepSchema, developmentBatchSchema, developmentStepSchema, newDevelopmentRuleSetSchema, openDevelopmentFileSchema } from './schemas';

export const recordDevelopmentStepAction = defineAction({
  permission: 'development.write',
  schema: developmentStepSchema,
  run: recordDevelopmentStep,
  revalidate: (input) => {
    revalidatePath('/admin/development');
    revalidatePath(`/admin/development/${input.personId}`);
    revalidatePath(`/admin/people/${input.personId}`);
  },
  redirectTo: (input) => `/admin/development/${input.personId}?saved=1`,
});

export const openDevelopmentFileAction = defineAction({
  permission: 'development.write',
  schema: openDevelopmentFileSchema,
  run: openDevelopmentFile,
  revalidate: (input) => {
    revalidatePath('/admin/development');
    revalidatePath(`/admin/people/${input.personId}`);
  },
  redirectTo: (input) => `/admin/development/${input.personId}?saved=1`,
});

export const createDevelopmentRuleSetAction = defineAction({
  permission: 'rules.manage',
  schema: newDevelopmentRuleSetSchema,
  run: createDevelopmentRuleSet,
  revalidate: () => {
    revalidatePath('/admin/rules');
    revalidatePath('/admin/development');
  },
  redirectTo: (_input, row) => `/admin/rules?created=${row.id}`,
});

export const runDevelopmentBatchAction = defineAction({
  permission: 'development.batch',
  schema: developmentBatchSchema,
  run: runDevelopmentBatch,
  revalidate: () => {
    revalidatePath('/admin/development', 'layout');
    revalidatePath('/admin/people', 'layout');
  },
  redirectTo: (_input, result) => `/admin/development/batches/${result.batchId}`,
});

export const correctDevelopmentStepAction = defineAction({
  permission: 'development.correct',
  schema: correctStepSchema,
  run: correctDevelopmentStep,
  revalidate: (input) => {
    revalidatePath('/admin/development', 'layout');
    revalidatePath(`/admin/people/${input.personId}`);
  },
  redirectTo: (input) => `/admin/development/${input.personId}?corrected=1`,
});

// Documents (材料) of a file: the page lists them; the board and the roster do not show them.
const revalidateDocuments = (input: { personId: number }) => revalidatePath(`/admin/development/${input.personId}`);

export const uploadDevelopmentDocumentAction = defineAction({
  permission: 'development.write',
  schema: uploadDocumentSchema,
  run: uploadDevelopmentDocument,
  revalidate: revalidateDocuments,
  successMessage: (row) => `材料“${row.title}”已上传。`,
});

export const removeDevelopmentDocumentAction = defineAction({
  permission: 'development.write',
  schema: removeDocumentSchema,
  run: removeDevelopmentDocument,
  revalidate: revalidateDocuments,
  successMessage: (row) => `材料“${row.title}”已移除，移除记录保留在档案中。`,
});
