import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/admin/admin-ui.module.css';
import { ArticleEditor } from '@/components/articles/ArticleEditor';
import { toEditorProps } from '@/components/articles/editor-props';
import { emptyDoc } from '@/lib/articles/body';
import { getArticleForEditor, listColumnOptions } from '@/lib/articles/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { AttachmentManager } from '@/components/media/AttachmentManager';
import { env } from '@/lib/env';
import { listArticleAttachments } from '@/lib/media/queries';

export const metadata: Metadata = { title: '编辑文章' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; restored?: string }> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requirePermission('articles.read', undefined, `/admin/articles/${rawId}`);
  const id = parseId(rawId);
  const [article, columns, flags] = await Promise.all([id ? getArticleForEditor(user, id) : null, listColumnOptions(), searchParams]);
  if (!article) notFound();
  // Loaded only after the article query above allowed this user to see it.
  const attachments = await listArticleAttachments(article.id);
  return (
    <>
      <p>
        <Link href="/admin/articles">← 返回文章列表</Link>
      </p>
      <h1 className={styles.title}>{article.canEdit ? '编辑文章' : '查看文章'}</h1>
      {flags.created && (
        <p className={styles.panel} role="status">
          文章已创建，草稿会自动保存。
        </p>
      )}
      {flags.restored && (
        <p className={styles.panel} role="status">
          已恢复所选版本的内容，并记录为新版本。
        </p>
      )}
      {/* Keyed by id: opening another article must not keep this one's editor state. */}
      <ArticleEditor key={article.id} article={toEditorProps(article)} columns={columns} emptyBody={emptyDoc()} />
      <div className={styles.panel}>
        <AttachmentManager articleId={article.id} attachments={attachments} canEdit={article.canEdit} maxMb={env.ATTACHMENT_MAX_MB} />
        <p className={styles.muted}>通知公告可附 PDF、Word（.docx）、Excel（.xlsx）文件，读者在文章页下载。</p>
      </div>
    </>
  );
}
