import type { Metadata } from 'next';
import styles from '@/components/admin/admin-ui.module.css';
import { ColumnForm } from '@/components/columns/ColumnForm';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '新建栏目' };

export default async function NewColumnPage() {
  await requirePermission('columns.manage', undefined, '/admin/columns/new');
  return (
    <>
      <h1 className={styles.title}>新建栏目</h1>
      <p className={styles.muted}>新栏目排在最后，创建后立即显示在门户导航中；如暂不公开，可在栏目列表中隐藏。</p>
      <div className={styles.panel}>
        <ColumnForm />
      </div>
    </>
  );
}
