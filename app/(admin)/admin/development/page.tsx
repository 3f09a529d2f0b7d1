import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { BoardFilterForm } from '@/components/development/BoardFilterForm';
import { DevelopmentBoard } from '@/components/development/DevelopmentBoard';
import styles from '@/components/development/development.module.css';
import { Pagination } from '@/components/news/Pagination';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { isForbidden, listScopedBranchOptions } from '@/lib/branches/queries';
import { listDevelopmentBoard } from '@/lib/development/queries';
import { boardFilterSchema } from '@/lib/development/schemas';

export const metadata: Metadata = { title: '发展党员' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DevelopmentBoardPage({ searchParams }: Props) {
  const me = await requirePermission('development.read', undefined, '/admin/development');
  const params = await searchParams;
  const filters = boardFilterSchema.parse({ branchId: first(params.branchId), stage: first(params.stage), overdue: first(params.overdue), page: first(params.page) });
  const [board, branches] = await Promise.all([
    listDevelopmentBoard(me, filters).catch((error: unknown) => (isForbidden(error) ? forbidden() : Promise.reject(error))),
    listScopedBranchOptions(me, 'development.read', { includeDissolved: true }),
  ]);
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (filters.branchId) p.set('branchId', String(filters.branchId));
    if (filters.stage) p.set('stage', filters.stage);
    if (filters.overdue) p.set('overdue', '1');
    if (page > 1) p.set('page', String(page));
    const s = p.toString();
    return s ? `/admin/development?${s}` : '/admin/development';
  };
  return (
    <>
      <h1 className={ui.title}>发展党员</h1>
      <p className={ui.muted}>各期限按每一步骤当天有效的发展党员工作规则计算；到期前按工委规定的天数提醒。打开个人档案会记入审计日志。</p>
      <nav aria-label="发展党员工作" className={ui.summary}>
        <Link href="/admin/development/figures">年度数字</Link>
        {can(me, 'development.batch') ? <Link href="/admin/development/batches">批量记录步骤</Link> : null}
      </nav>
      <BoardFilterForm filters={filters} branches={branches} />
      <p className={styles.summary} role="status">
        <span>共 {board.total} 人</span>
        <span className={styles.overdue}>已逾期 {board.counts.overdue} 人</span>
        <span className={styles.warning}>即将到期 {board.counts.warning} 人</span>
      </p>
      <DevelopmentBoard items={board.items} caption={`发展党员档案，按党组织和阶段排列，本页 ${board.items.length} 人`} />
      <Pagination page={board.page} pageCount={board.pageCount} href={href} />
    </>
  );
}
