import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { RoundForm } from '@/components/training/RoundForm';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '新建培训班' };

export default async function NewRoundPage() {
  await requirePermission('training.manage', undefined, '/admin/training/rounds/new');
  return (
    <>
      <p>
        <Link href="/admin/training">← 返回培训班</Link>
      </p>
      <h1 className={ui.title}>新建培训班</h1>
      <div className={ui.panel}>
        <RoundForm />
      </div>
    </>
  );
}
