import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import { InactiveMembersList } from '@/components/compliance/InactiveMembersList';
import styles from '@/components/compliance/compliance.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { branchKindLabels } from '@/lib/branches/kinds';
import { todayInBeijing } from '@/lib/calendar/days';
import { complianceQuery } from '@/lib/compliance/filters';
import { decodeInactiveCursor, inactiveMembers } from '@/lib/compliance/queries';
import { AppError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { emptyTreeReport } from '@/components/branches/EmptyTree';

export const metadata: Metadata = { title: '未参加组织生活预警' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The early warning of the compliance pages, on its own address: a page of 50 at a time. */
export default async function InactiveMembersPage({ searchParams }: Props) {
  await connection();
  const me = await requirePermission('compliance.read', undefined, '/admin/compliance/inactive');
  const empty = await emptyTreeReport(me, '未参加组织生活预警');
  if (empty) return empty;
  const params = await searchParams;
  const branchId = parseId(one(params.branch));
  const after = decodeInactiveCursor(one(params.after));
  const list = await inactiveMembers(me, { branchId, today: todayInBeijing(), after }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'forbidden') forbidden();
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const here = (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ ...(branchId ? { branch: String(branchId) } : {}), ...extra }).toString();
    return `/admin/compliance/inactive${query ? `?${query}` : ''}`;
  };
  return (
    <>
      <h1 className={ui.title}>连续 {list.months} 个月未参加组织生活预警</h1>
      <p className={ui.muted}>
        {list.root.name}（{branchKindLabels[list.root.kind]}）及下级组织。<a href={`/admin/compliance${complianceQuery({ branchId: list.root.id })}`}>返回落实情况</a>
      </p>
      {after && <p className={styles.note}>接续上一页。</p>}
      <InactiveMembersList list={list} />
      {(after || list.next) && (
        <nav aria-label="分页" className={ui.summary}>
          {after && <a href={here()}>第一页</a>}
          {list.next && (
            <a href={here({ after: list.next })} rel="next">
              下一页
            </a>
          )}
        </nav>
      )}
    </>
  );
}
