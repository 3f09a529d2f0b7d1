'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { createDevelopmentRuleSet, openDevelopmentFile, recordDevelopmentStep } from './commands';
import { developmentStepSchema, newDevelopmentRuleSetSchema, openDevelopmentFileSchema } from './schemas';

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
