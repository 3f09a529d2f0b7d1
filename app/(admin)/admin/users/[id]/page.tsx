import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ResetPasswordForm, ToggleActiveForm } from '@/components/accounts/AccountForms';
import { UserForm } from '@/components/accounts/UserForm';
import styles from '@/components/admin/admin-ui.module.css';
import { getUser } from '@/lib/accounts/queries';
import { listBranchOptions } from '@/lib/branches/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { roleLabels } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/ids';

export const metadata: Metadata = { title: '用户详情' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function UserPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('users.read', undefined, `/admin/users/${rawId}`);
  const id = parseId(rawId);
  const user = id === null ? null : await getUser(me, id);
  if (!user) notFound();
  const canManage = can(me, 'users.manage');
  const [branches, { created }] = await Promise.all([canManage ? listBranchOptions(me) : Promise.resolve([]), searchParams]);
  return (
    <>
      <h1 className={styles.title}>
        {user.displayName}（{user.username}）
      </h1>
      {created && (
        <p className={styles.panel} role="status">
          用户已创建。
        </p>
      )}
      <dl>
        <dt>角色</dt>
        <dd>{roleLabels[user.role]}</dd>
        <dt>状态</dt>
        <dd>{user.active ? '启用' : '已停用'}</dd>
        <dt>最近登录</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '从未登录'}</dd>
        <dt>创建时间</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      {canManage && (
        <>
          <section className={styles.panel} aria-labelledby="edit-title">
            <h2 id="edit-title">编辑信息</h2>
            <UserForm user={user} branches={branches} />
          </section>
          <section className={styles.panel} aria-labelledby="reset-title">
            <h2 id="reset-title">重设密码</h2>
            <ResetPasswordForm userId={user.id} />
          </section>
          {user.id !== me.id && (
            <section className={styles.panel} aria-labelledby="active-title">
              <h2 id="active-title">{user.active ? '停用账号' : '启用账号'}</h2>
              <p className={styles.muted}>停用后该用户立即无法登录，已登录的会话在下一次操作时失效。</p>
              <ToggleActiveForm userId={user.id} active={user.active} />
            </section>
          )}
        </>
      )}
    </>
  );
}
