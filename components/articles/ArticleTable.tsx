import Link from 'next/link';
import styles from '@/components/admin/admin-ui.module.css';
import type { AdminArticleRow } from '@/lib/articles/types';
import { statusLabels } from '@/lib/articles/workflow';
import { formatDateTime } from '@/lib/format';

/** The desk's article list: a table on wide screens, a card per article on a phone. */
export function ArticleTable({ items }: { items: AdminArticleRow[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${styles.cards}`}>
        <caption className="visually-hidden">文章列表</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">栏目</th>
            <th scope="col">状态</th>
            <th scope="col">作者</th>
            <th scope="col">最后修改</th>
            <th scope="col">发布时间</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                {a.pinned && <span className={styles.badge}> 置顶</span>}
                {a.status === 'draft' && a.reviewComment && <span className={styles.badgeOff}> 已退回</span>}
              </td>
              <td data-label="栏目">{a.columnName}</td>
              <td data-label="状态">{statusLabels[a.status]}</td>
              <td data-label="作者">{a.authorName ?? '—'}</td>
              <td data-label="最后修改">
                <span>
                  {formatDateTime(a.updatedAt)}
                  {a.updatedByName && <span className={styles.muted}>（{a.updatedByName}）</span>}
                </span>
              </td>
              <td data-label="发布时间">{a.status === 'scheduled' ? `定于 ${formatDateTime(a.publishAt)}` : a.publishedAt && a.status !== 'draft' ? formatDateTime(a.publishedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
