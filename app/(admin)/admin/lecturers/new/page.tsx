import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { LecturerForm } from '@/components/lectures/admin/LecturerForm';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '新增讲师' };

export default async function NewLecturerPage() {
  await requirePermission('lectures.manage', undefined, '/admin/lecturers/new');
  return (
    <>
      <p>
        <Link href="/admin/lecturers">← 返回讲师库</Link>
      </p>
      <h1 className={ui.title}>新增讲师</h1>
      <div className={ui.panel}>
        <LecturerForm />
      </div>
    </>
  );
}
