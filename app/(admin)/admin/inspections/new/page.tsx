import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { CreateInspectionForm } from '@/components/inspections/CreateInspectionForm';
import { requirePermission } from '@/lib/auth/current-user';
import { todayInBeijing } from '@/lib/calendar/days';
import { listRecordNodes } from '@/lib/records/queries';

export const metadata: Metadata = { title: '新建督查' };

export default async function NewInspectionPage() {
  const me = await requirePermission('inspections.manage', undefined, '/admin/inspections/new');
  const nodes = (await listRecordNodes(me, { purpose: 'read' })).filter((n) => n.kind !== 'work_committee' && !n.dissolvedOn);
  return (
    <>
      <p>
        <Link href="/admin/inspections">← 返回明察暗访</Link>
      </p>
      <h1 className={ui.title}>新建督查</h1>
      <p className={ui.muted}>保存后在督查页面逐条登记发现的问题，再发布给被督查组织。</p>
      <div className={ui.panel}>
        <CreateInspectionForm nodes={nodes.map(({ id, label }) => ({ id, label }))} today={todayInBeijing()} />
      </div>
    </>
  );
}
