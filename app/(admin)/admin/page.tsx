import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CommitteeSummary } from '@/components/dashboard/CommitteeSummary';
import { OpenFindings } from '@/components/dashboard/OpenFindings';
import { EmptyTree } from '@/components/branches/EmptyTree';
import { SecretaryDesk } from '@/components/dashboard/SecretaryDesk';
import { requireUser } from '@/lib/auth/current-user';
import { organizationTreeIsEmpty } from '@/lib/branches/queries';
import { menuFor } from '@/lib/auth/menu';
import { can } from '@/lib/auth/permissions';
import { roleLabels } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { todayInBeijing } from '@/lib/calendar/days';
import { secretaryDashboard } from '@/lib/compliance/desk';
import { complianceReport } from '@/lib/compliance/queries';
import { formatDateTime } from '@/lib/format';
import { openFindings } from '@/lib/reviews/queries';
import styles from '@/components/admin/admin-ui.module.css';

export const metadata: Metadata = { title: '工作台' };

const ROLE_INTRO = {
  admin: '您可以审核、发布和归档文章，管理栏目、媒体库和用户，查看审计日志；维护组织架构与党员名册，管理党课、培训和发展党员。',
  editor: '您可以撰写文章、上传图片，并把写好的稿件提交审核；被退回的稿件会附有审核意见。',
  branch_secretary: '这里列出本支部本期尚未完成的组织生活、上月缺项、逾期补录的记录和即将届满的任期。',
  auditor: '您可以在“审核”中审核各组织提交的记录：审核合格，或提出问题并复查整改；也可只读查看用户与审计日志，核验审计链是否完整。',
} as const;

/** What the role's desk shows beyond the menu: a secretary's branch, the committee for admin and auditor. */
async function ComplianceDesk({ user }: { user: SessionUser }) {
  if (user.mustChangePassword || !can(user, 'compliance.read')) return null;
  if (user.role === 'branch_secretary') {
    return user.branchId === null ? null : <SecretaryDesk data={await secretaryDashboard(user)} />;
  }
  if (await organizationTreeIsEmpty()) return <EmptyTree canManage={can(user, 'branches.manage')} />;
  const today = todayInBeijing();
  return <CommitteeSummary report={await complianceReport(user, { branchId: null, year: Number(today.slice(0, 4)), today })} />;
}

export default async function AdminHome() {
  await connection();
  const user = await requireUser();
  return (
    <>
      <h1 className={styles.title}>工作台</h1>
      <p>
        {user.displayName}，您好！您的角色是“{roleLabels[user.role]}”。
      </p>
      {user.mustChangePassword && (
        <p className={styles.panel} role="status">
          您正在使用管理员设置的密码，请先<Link href="/admin/account/password">修改密码</Link>。
        </p>
      )}
      <p className={styles.muted}>{ROLE_INTRO[user.role]}</p>
      {user.role === 'branch_secretary' && !user.mustChangePassword && can(user, 'reviews.read') && <OpenFindings findings={await openFindings(user)} />}
      <ComplianceDesk user={user} />
      <ul className={styles.linkCards}>
        {menuFor(user)
          .filter((item) => item.href !== '/admin')
          .map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{item.label}</Link>
            </li>
          ))}
      </ul>
      <p className={styles.muted}>当前时间：{formatDateTime(new Date())}（北京时间）</p>
    </>
  );
}
