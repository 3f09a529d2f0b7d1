import type { Metadata } from 'next';
import { UserForm } from '@/components/accounts/UserForm';
import styles from '@/components/admin/admin-ui.module.css';
import { listBranchOptions } from '@/lib/branches/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '新建用户' };

export default async function NewUserPage() {
  const me = await requirePermission('users.manage', undefined, '/admin/users/new');
  return (
    <>
      <h1 className={styles.title}>新建用户</h1>
      <div className={styles.panel}>
        <UserForm branches={await listBranchOptions(me)} />
      </div>
    </>
  );
}
