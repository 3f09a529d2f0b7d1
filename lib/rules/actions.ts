'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { createBranchRuleSet } from './commands';
import { newBranchRuleSetSchema } from './schemas';

export const createBranchRuleSetAction = defineAction({
  permission: 'rules.manage',
  schema: newBranchRuleSetSchema,
  run: createBranchRuleSet,
  revalidate: () => {
    revalidatePath('/admin/rules');
    revalidatePath('/admin/compliance');
  },
  redirectTo: (_input, row) => `/admin/rules?created=${row.id}`,
});
