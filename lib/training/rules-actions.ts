'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { createTrainingRuleSet } from './rules-commands';
import { newTrainingRuleSetSchema } from './rules';

export const createTrainingRuleSetAction = defineAction({
  permission: 'training.rules',
  schema: newTrainingRuleSetSchema,
  run: createTrainingRuleSet,
  revalidate: () => {
    revalidatePath('/admin/rules');
    revalidatePath('/admin/training/coverage');
  },
  redirectTo: (_input, row) => `/admin/rules?created=${row.id}`,
});
