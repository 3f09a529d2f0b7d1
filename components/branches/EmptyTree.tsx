import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/sessions';
import { organizationTreeIsEmpty } from '@/lib/branches/queries';

/** A report's empty state before any organization has been entered (a new deployment). */
export function EmptyTree({ canManage }: { canManage: boolean }) {
  return (
    <p className={ui.panel} role="status">
      尚未建立组织架构。添加单位和党组织后，这里将按组织显示统计。
      {canManage && (
        <>
          {' '}
          <Link href="/admin/branches">前往组织架构</Link>
        </>
      )}
    </p>
  );
}

/** A whole report page in that state: its heading and the empty state. */
export function EmptyReport({ title, canManage }: { title: string; canManage: boolean }) {
  return (
    <>
      <h1 className={ui.title}>{title}</h1>
      <EmptyTree canManage={canManage} />
    </>
  );
}

/**
 * The page to show instead of a committee-wide report while no organization exists (a new
 * deployment: the report has no top of the tree to start from), or null to render the report.
 * A user with a branch of their own always has a tree.
 */
export async function emptyTreeReport(user: SessionUser, title: string) {
  if (user.branchId !== null || !(await organizationTreeIsEmpty())) return null;
  return <EmptyReport title={title} canManage={can(user, 'branches.manage')} />;
}
