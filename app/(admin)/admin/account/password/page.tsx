import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/accounts/AccountForms';
import styles from '@/components/admin/admin-ui.module.css';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '修改密码' };

export default async function ChangePasswordPage() {
  const user = await requirePermission('account.changePassword', undefined, '/admin/account/password');
  return (
    <>
      <h1 className={styles.title}>修改密码</h1>
      {user.mustChangePassword && (
        <p className={styles.panel} role="status">
          您正在使用管理员设置的密码，请先修改为只有您知道的新密码。
        </p>
      )}
      <div className={styles.panel}>
        <ChangePasswordForm />
      </div>
    </>
  );
}
