import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/components/admin/admin-ui.module.css';
import { ColumnForm } from '@/components/columns/ColumnForm';
import { ArticleCountList } from '@/components/columns/ColumnTable';
import { DeleteColumnForm } from '@/components/columns/DeleteColumnForm';
import { requirePermission } from '@/lib/auth/current-user';
import { listColumnsForAdmin } from '@/lib/columns/queries';
import { parseId } from '@/lib/ids';

export const metadata: Metadata = { title: '编辑栏目' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function ColumnPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('columns.manage', undefined, `/admin/columns/${rawId}`);
  const id = parseId(rawId);
  // Columns are few: the one list query also gives the delete form its target columns.
  const [all, { created }] = await Promise.all([listColumnsForAdmin(me), searchParams]);
  const column = all.find((c) => c.id === id);
  if (!column) notFound();
  const targets = all.filter((c) => c.id !== column.id);
  const slugLocked = column.counts.published + column.counts.scheduled > 0;
  return (
    <>
      <p>
        <Link href="/admin/columns">← 返回栏目列表</Link>
      </p>
      <h1 className={styles.title}>{column.name}</h1>
      {created && (
        <p className={styles.panel} role="status">
          栏目已创建。
        </p>
      )}
      <dl>
        <dt>状态</dt>
        <dd>{column.visible ? '在门户显示' : '已隐藏（不在导航和首页出现，栏目页不可访问，文章仍可通过原地址访问）'}</dd>
        <dt>文章</dt>
        <dd>
          <ArticleCountList counts={column.counts} />
        </dd>
      </dl>
      <section className={styles.panel} aria-labelledby="edit-title">
        <h2 id="edit-title">编辑栏目</h2>
        <ColumnForm column={column} slugLocked={slugLocked} />
      </section>
      <section id="delete" className={styles.panel} aria-labelledby="delete-title">
        <h2 id="delete-title">删除栏目</h2>
        <p className={styles.muted}>
          {column.counts.total > 0 ? '该栏目下还有文章，删除前须选择把它们移入哪个栏目。' : '该栏目下没有文章，可以直接删除。'}删除后栏目地址将不可访问，此操作记入审计日志。
        </p>
        <DeleteColumnForm column={column} articleCount={column.counts.total} targets={targets} />
      </section>
    </>
  );
}
