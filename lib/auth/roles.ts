import type { Role } from '@/db/schema/accounts';

export { roles, type Role } from '@/db/schema/accounts';

export const roleLabels: Record<Role, string> = {
  admin: '工委管理员',
  editor: '宣传编辑',
  branch_secretary: '支部书记',
  auditor: '纪检督查',
};
