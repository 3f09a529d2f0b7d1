import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/admin/admin-ui.module.css';
import { ArticleTable } from '@/components/articles/ArticleTable';
import { StatusTabs } from '@/components/articles/StatusTabs';
import formStyles from '@/components/forms/forms.module.css';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { listAdminArticles } from '@/lib/articles/admin-list';
import type { ArticleStatus } from '@/lib/articles/types';
import { listColumnOptions } from '@/lib/articles/queries';
import { articleListSearchSchema } from '@/lib/articles/schemas';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: '文章管理' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requirePermission('articles.read', undefined, '/admin/articles');
  const filters = articleListSearchSchema.parse(await searchParams);
  const [list, columns] = await Promise.all([listAdminArticles(user, { ...filters, columnId: filters.column }), listColumnOptions()]);
  const query = (over: Partial<{ status: ArticleStatus | null; cursor: string | undefined }>) => {
    const next = { ...filters, ...over };
    const params = new URLSearchParams();
    if (next.status) params.set('status', next.status);
    if (next.column) params.set('column', String(next.column));
    if (next.q) params.set('q', next.q);
    if (next.sort !== 'updated') params.set('sort', next.sort);
    if (next.cursor) params.set('cursor', next.cursor);
    const text = params.toString();
    return text ? `/admin/articles?${text}` : '/admin/articles';
  };
  const filtered = filters.q || filters.column;
  const shown = list.counts[filters.status ?? 'all'];
  return (
    <>
      <h1 className={styles.title}>文章管理</h1>
      <div className={styles.toolbar}>
        <form method="get" role="search" aria-label="筛选文章" className={styles.toolbar}>
          {filters.status && <input type="hidden" name="status" value={filters.status} />}
          <div className={formStyles.field}>
            <label htmlFor="articles-q">标题包含</label>
            <input id="articles-q" name="q" type="search" defaultValue={filters.q} maxLength={100} />
          </div>
          <div className={formStyles.field}>
            <label htmlFor="articles-column">栏目</label>
            <select id="articles-column" name="column" defaultValue={filters.column ?? ''}>
              <option value="">全部栏目</option>
              {columns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className={formStyles.field}>
            <label htmlFor="articles-sort">排序</label>
            <select id="articles-sort" name="sort" defaultValue={filters.sort}>
              <option value="updated">按修改时间</option>
              <option value="published">按发布时间</option>
            </select>
          </div>
          <button type="submit" className="button">
            筛选
          </button>
        </form>
        {can(user, 'articles.write') && (
          <Link href="/admin/articles/new" className="button">
            新建文章
          </Link>
        )}
      </div>
      <StatusTabs current={filters.status} counts={list.counts} href={(status) => query({ status, cursor: undefined })} />
      <p className={styles.muted} role="status">
        共 {shown.total} 篇{shown.capped ? '以上' : ''}
        {filtered ? '（已按条件筛选）' : ''}
      </p>
      {list.items.length === 0 ? (
        <p className={styles.panel}>{filtered || filters.status ? '没有符合条件的文章。' : '还没有文章，点击“新建文章”开始写作。'}</p>
      ) : (
        <ArticleTable items={list.items} />
      )}
      <KeysetPager page={list} href={(cursor) => query({ cursor })} label="文章列表分页" />
    </>
  );
}
