'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { appointPosition, endTerm, setTerm } from './committee-commands';
import { createBranch, dissolveBranch, moveBranch, updateBranch } from './commands';
import { appointPositionSchema, createBranchSchema, dissolveBranchSchema, endTermSchema, moveBranchSchema, setTermSchema, updateBranchSchema } from './schemas';

// The tree and its counts show on the branch pages and the roster; a change revalidates both.
const revalidateTree = () => {
  revalidatePath('/admin/branches', 'layout');
  revalidatePath('/admin/people', 'layout');
};

export const createBranchAction = defineAction({
  permission: 'branches.manage',
  schema: createBranchSchema,
  run: createBranch,
  revalidate: revalidateTree,
  redirectTo: (_input, branch) => `/admin/branches/${branch.id}?created=1`,
});

export const updateBranchAction = defineAction({
  permission: 'branches.manage',
  schema: updateBranchSchema,
  run: updateBranch,
  revalidate: revalidateTree,
  successMessage: '组织信息已保存。',
});

export const moveBranchAction = defineAction({
  permission: 'branches.manage',
  schema: moveBranchSchema,
  run: moveBranch,
  revalidate: revalidateTree,
  redirectTo: (_input, branch) => `/admin/branches/${branch.id}?moved=1`,
});

export const dissolveBranchAction = defineAction({
  permission: 'branches.manage',
  schema: dissolveBranchSchema,
  run: dissolveBranch,
  revalidate: revalidateTree,
  successMessage: (b) => `已登记该组织于 ${b.dissolvedOn} 撤销，其记录和名册均保留。`,
});

export const appointPositionAction = defineAction({
  permission: 'people.manage',
  schema: appointPositionSchema,
  run: appointPosition,
  revalidate: revalidateTree,
  successMessage: (p) => `已任命，任期 ${p.startsOn} 至 ${p.endsOn}。`,
});

export const setTermAction = defineAction({
  permission: 'people.manage',
  schema: setTermSchema,
  run: setTerm,
  revalidate: revalidateTree,
  successMessage: '任期已修改。',
});

export const endTermAction = defineAction({
  permission: 'people.manage',
  schema: endTermSchema,
  run: endTerm,
  revalidate: revalidateTree,
  successMessage: (p) => `已登记于 ${p.endedOn} 离任。`,
});
