import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { PersonForm } from '@/components/people/PersonForm';
import { requirePermission } from '@/lib/auth/current-user';
import { listScopedBranchOptions } from '@/lib/branches/queries';
import { parseId } from '@/lib/ids';

export const metadata: Metadata = { title: '登记人员' };

type Props = { searchParams: Promise<{ branchId?: string }> };

export default async function NewPersonPage({ searchParams }: Props) {
  const me = await requirePermission('people.manage', undefined, '/admin/people/new');
  const branches = await listScopedBranchOptions(me, 'people.manage');
  const wanted = parseId((await searchParams).branchId);
  const branchId = branches.some((b) => b.id === wanted) ? (wanted ?? undefined) : undefined;
  return (
    <>
      <p>
        <Link href="/admin/people">← 返回党员名册</Link>
      </p>
      <h1 className={ui.title}>登记人员</h1>
      <section className={ui.panel} aria-label="人员信息">
        <PersonForm branches={branches} branchId={branchId} />
      </section>
    </>
  );
}
