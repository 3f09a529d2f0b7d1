import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { HallSessionForm } from '@/components/hall/HallSessionForm';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '新增大讲堂场次' };

export default async function NewHallSessionPage() {
  await requirePermission('hall.manage', undefined, '/admin/hall/new');
  return (
    <>
      <p>
        <Link href="/admin/hall">← 返回大讲堂</Link>
      </p>
      <h1 className={ui.title}>新增大讲堂场次</h1>
      <p className={ui.muted}>保存后场次即在门户大讲堂页显示，各单位可开始报名。</p>
      <div className={ui.panel}>
        <HallSessionForm />
      </div>
    </>
  );
}
