'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { runDevelopmentBatch } from './batches';
import { correctDevelopmentStep } from './corrections';
import { createDevelopmentRuleSet, openDevelopmentFile, recordDevelopmentStep } from './commands';
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
