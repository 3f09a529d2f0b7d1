import type { Metadata } from 'next';
import styles from '@/components/admin/admin-ui.module.css';
import { ArticleEditor } from '@/components/articles/ArticleEditor';
import { emptyDoc } from '@/lib/articles/body';
import { listColumnOptions } from '@/lib/articles/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '新建文章' };

export default async function NewArticlePage() {
  await requirePermission('articles.write', undefined, '/admin/articles/new');
  const columns = await listColumnOptions();
  return (
    <>
      <h1 className={styles.title}>新建文章</h1>
      <p className={styles.muted}>第一次保存后，草稿每隔几秒自动保存。</p>
      <ArticleEditor article={null} columns={columns} emptyBody={emptyDoc()} />
    </>
  );
}
