import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/admin/admin-ui.module.css';
import formStyles from '@/components/forms/forms.module.css';
import { Pagination } from '@/components/news/Pagination';
import { listUsers } from '@/lib/accounts/queries';
import { userSearchSchema } from '@/lib/accounts/schemas';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { roleLabels } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '用户管理' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const user = await requirePermission('users.read', undefined, '/admin/users');
  const { q, page } = userSearchSchema.parse(await searchParams);
  const list = await listUsers(user, { q, page });
  const canManage = can(user, 'users.manage');
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <>
      <h1 className={styles.title}>用户管理</h1>
      <div className={styles.toolbar}>
        <form method="get" role="search" className={styles.toolbar}>
          <div className={formStyles.field}>
            <label htmlFor="users-q">搜索用户名或姓名</label>
            <input id="users-q" name="q" type="search" defaultValue={q} maxLength={50} />
          </div>
          <button type="submit" className="button">
            搜索
          </button>
        </form>
        {canManage && (
          <Link href="/admin/users/new" className="button">
            新建用户
          </Link>
        )}
      </div>
      <p className={styles.muted}>共 {list.total} 个用户</p>
      {list.items.length === 0 ? (
        <p className={styles.panel}>没有符合条件的用户。</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">用户列表</caption>
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">所属支部</th>
                <th scope="col">状态</th>
                <th scope="col">最近登录</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/admin/users/${u.id}`}>{u.username}</Link>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{roleLabels[u.role]}</td>
                  <td>{u.branchName ?? '—'}</td>
                  <td>{u.active ? <span className={styles.badge}>启用</span> : <span className={styles.badgeOff}>已停用</span>}</td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '从未登录'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} />
    </>
  );
}
