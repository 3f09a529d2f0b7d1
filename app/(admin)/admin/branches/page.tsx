import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { BranchTree } from '@/components/branches/BranchTree';
import formStyles from '@/components/forms/forms.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { listBranchTree } from '@/lib/branches/queries';
import { branchSearchSchema } from '@/lib/branches/schemas';

export const metadata: Metadata = { title: '组织架构' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BranchesPage({ searchParams }: Props) {
  const me = await requirePermission('branches.read', undefined, '/admin/branches');
  const { q } = branchSearchSchema.parse(await searchParams);
  const tree = await listBranchTree(me, { q });
  return (
    <>
      <h1 className={ui.title}>组织架构</h1>
      <p className={ui.muted}>人数按党员名册实时统计（含下级组织），不需手工填写。{me.branchScope ? '您可查看本组织及其下级组织。' : ''}</p>
      <form method="get" role="search" className={ui.toolbar}>
        <div className={formStyles.field}>
          <label htmlFor="branches-q">按名称或编码查找</label>
          <input id="branches-q" name="q" type="search" defaultValue={q} maxLength={50} />
        </div>
        <button type="submit" className="button">
          查找
        </button>
        {q && (
          <Link href="/admin/branches" className="button secondary">
            清除
          </Link>
        )}
      </form>
      <p role="status">{q ? `“${q}”：找到 ${tree.hits} 个组织` : `共 ${tree.nodeCount} 个组织`}</p>
      {tree.roots.length === 0 || (q && tree.hits === 0) ? (
        <p className={ui.panel}>{q ? '没有名称或编码包含该内容的组织。' : '没有可查看的组织。'}</p>
      ) : (
        <BranchTree roots={tree.roots} searching={q !== ''} />
      )}
    </>
  );
}
