import Link from 'next/link';
import styles from '@/components/admin/admin-ui.module.css';
import type { AdminColumn, ArticleCounts } from '@/lib/columns/queries';
import { ColumnRowActions } from './ColumnRowActions';
import own from './columns.module.css';

const countLabels: [keyof ArticleCounts, string][] = [
  ['published', '已发布'],
  ['scheduled', '定时发布'],
  ['in_review', '待审核'],
  ['draft', '草稿'],
  ['archived', '已归档'],
];

export function ArticleCountList({ counts }: { counts: ArticleCounts }) {
  const parts = countLabels.filter(([key]) => counts[key] > 0);
  return (
    <ul className={own.counts}>
      <li>共 {counts.total} 篇</li>
      {parts.map(([key, label]) => (
        <li key={key}>
          {label} {counts[key]}
        </li>
      ))}
    </ul>
  );
}

/** The columns in navigation order, with article counts and the row actions. */
export function ColumnTable({ columns }: { columns: AdminColumn[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${styles.table} ${own.list}`}>
        <caption className="visually-hidden">栏目列表（按门户导航顺序）</caption>
        <thead>
          <tr>
            <th scope="col">栏目名称</th>
            <th scope="col">网址标识</th>
            <th scope="col">状态</th>
            <th scope="col">文章</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={c.id}>
              <td data-label="栏目名称">
                <strong>{c.name}</strong>
              </td>
              <td data-label="网址标识" className={own.slug}>
                {c.slug}
              </td>
              <td data-label="状态">{c.visible ? <span className={styles.badge}>显示</span> : <span className={styles.badgeOff}>已隐藏</span>}</td>
              <td data-label="文章">
                <ArticleCountList counts={c.counts} />
              </td>
              <td data-label="操作">
                <ColumnRowActions id={c.id} name={c.name} visible={c.visible} first={i === 0} last={i === columns.length - 1} />
                <p className={own.rowActions}>
                  <Link href={`/admin/columns/${c.id}`} aria-label={`编辑 ${c.name}`}>
                    编辑
                  </Link>
                  <Link href={`/admin/columns/${c.id}#delete`} aria-label={`删除 ${c.name}`}>
                    删除
                  </Link>
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
