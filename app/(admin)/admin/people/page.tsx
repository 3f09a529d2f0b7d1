import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { PeopleFilterForm } from '@/components/people/PeopleFilterForm';
import { PeopleTable } from '@/components/people/PeopleTable';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { isForbidden, listScopedBranchOptions } from '@/lib/branches/queries';
import { listPeople } from '@/lib/people/queries';
import { peopleFilterSchema } from '@/lib/people/schemas';

export const metadata: Metadata = { title: '党员名册' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PeoplePage({ searchParams }: Props) {
  const me = await requirePermission('people.read', undefined, '/admin/people');
  const params = await searchParams;
  const filters = peopleFilterSchema.parse({ branchId: first(params.branchId), status: first(params.status), q: first(params.q) || undefined });
  const [list, branches] = await Promise.all([
    listPeople(me, { ...filters, cursor: first(params.cursor) }).catch((error: unknown) => (isForbidden(error) ? forbidden() : Promise.reject(error))),
    listScopedBranchOptions(me, 'people.read', { includeDissolved: true }),
  ]);
  const query = (cursor?: string) => {
    const p = new URLSearchParams();
    if (filters.branchId) p.set('branchId', String(filters.branchId));
    if (filters.status) p.set('status', filters.status);
    if (filters.q) p.set('q', filters.q);
    if (cursor) p.set('cursor', cursor);
    const s = p.toString();
    return s ? `/admin/people?${s}` : '/admin/people';
  };
  const filtered = Boolean(filters.branchId || filters.status || filters.q);
  return (
    <>
      <h1 className={ui.title}>党员名册</h1>
      <p className={ui.muted}>列表中的电话只显示部分号码；打开人员详情会记入审计日志。</p>
      <div className={ui.toolbar}>
        <PeopleFilterForm filters={filters} branches={branches} />
        {can(me, 'people.manage') && (
          <Link href={filters.branchId ? `/admin/people/new?branchId=${filters.branchId}` : '/admin/people/new'} className="button">
            登记人员
          </Link>
        )}
      </div>
      <p role="status">
        {filtered ? '符合条件的人员' : '全部人员'}共 {list.total} 人
      </p>
      <PeopleTable items={list.items} caption={`党员名册，按姓名排序，本页 ${list.items.length} 人`} />
      <KeysetPager page={list} label="名册分页" href={query} />
    </>
  );
}
