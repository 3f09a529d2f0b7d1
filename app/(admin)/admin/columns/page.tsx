import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/admin/admin-ui.module.css';
import { ColumnTable } from '@/components/columns/ColumnTable';
import { requirePermission } from '@/lib/auth/current-user';
import { listColumnsForAdmin } from '@/lib/columns/queries';

export const metadata: Metadata = { title: '栏目管理' };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function ColumnsPage({ searchParams }: Props) {
  const user = await requirePermission('columns.manage', undefined, '/admin/columns');
  const [columns, { deleted }] = await Promise.all([listColumnsForAdmin(user), searchParams]);
  return (
    <>
      <h1 className={styles.title}>栏目管理</h1>
      {deleted && (
        <p className={styles.panel} role="status">
          {deleted === 'moved' ? '栏目已删除，其文章已移入所选栏目。' : '栏目已删除。'}
        </p>
      )}
      <div className={styles.toolbar}>
        <Link href="/admin/columns/new" className="button">
          新建栏目
        </Link>
      </div>
      <p className={styles.muted}>栏目按下表顺序显示在门户导航和首页。隐藏的栏目不再出现在导航和首页，栏目页不可访问，但其文章仍可通过原地址访问。</p>
      {columns.length === 0 ? <p className={styles.panel}>还没有栏目。请先新建栏目，文章才能归入栏目发布。</p> : <ColumnTable columns={columns} />}
    </>
  );
}
