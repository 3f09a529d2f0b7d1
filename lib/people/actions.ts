'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { createPerson, linkAccount, transferPerson, unlinkAccount, updatePerson } from './commands';
import { createPersonSchema, linkAccountSchema, transferPersonSchema, unlinkAccountSchema, updatePersonSchema } from './schemas';

// Roster changes move the tree's counts too.
const revalidateRoster = () => {
  revalidatePath('/admin/people', 'layout');
  revalidatePath('/admin/branches', 'layout');
};

export const createPersonAction = defineAction({
  permission: 'people.manage',
  schema: createPersonSchema,
  run: createPerson,
  revalidate: revalidateRoster,
  redirectTo: (_input, person) => `/admin/people/${person.id}?created=1`,
});

export const updatePersonAction = defineAction({
  permission: 'people.manage',
  schema: updatePersonSchema,
  run: updatePerson,
  revalidate: revalidateRoster,
  successMessage: '人员信息已保存。',
});

export const transferPersonAction = defineAction({
  permission: 'people.manage',
  schema: transferPersonSchema,
  run: transferPerson,
  revalidate: revalidateRoster,
  successMessage: (r) => `已转入“${r.toName}”，转接记录已保存。`,
});

// Linking a person to an account is account administration: admins only.
export const linkAccountAction = defineAction({
  permission: 'users.manage',
  schema: linkAccountSchema,
  run: linkAccount,
  revalidate: revalidateRoster,
  successMessage: '账号已关联。',
});

export const unlinkAccountAction = defineAction({
  permission: 'users.manage',
  schema: unlinkAccountSchema,
  run: unlinkAccount,
  revalidate: revalidateRoster,
  successMessage: '已解除账号关联。',
});
