import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/admin/admin-ui.module.css';
import { ArticleView } from '@/components/news/ArticleView';
import { getArticlePreview } from '@/lib/articles/queries';
import { parseId } from '@/lib/ids';
import { statusLabels } from '@/lib/articles/workflow';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '预览', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** The article as readers will see it, before it is published; only signed-in staff get here. */
export default async function PreviewPage({ params }: Props) {
  const { id: rawId } = await params;
  const user = await requirePermission('articles.read', undefined, `/admin/articles/${rawId}/preview`);
  const id = parseId(rawId);
  const article = id ? await getArticlePreview(user, id) : null;
  if (!article) notFound();
  return (
    <>
      <p className={styles.panel} role="note">
        预览（{statusLabels[article.status]}）：显示最近一次保存的内容，仅工作人员可见。<Link href={`/admin/articles/${article.id}`}>返回编辑</Link>
      </p>
      <ArticleView article={article} adjacent={{ previous: null, next: null }} related={[]} />
    </>
  );
}
