import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { LectureForm } from '@/components/lectures/admin/LectureForm';
import { requirePermission } from '@/lib/auth/current-user';
import { lecturerOptions } from '@/lib/lectures/admin-queries';

export const metadata: Metadata = { title: '新增党课' };

export default async function NewLecturePage() {
  const user = await requirePermission('lectures.manage', undefined, '/admin/lectures/new');
  const lecturers = await lecturerOptions(user);
  return (
    <>
      <p>
        <Link href="/admin/lectures">← 返回党课菜单</Link>
      </p>
      <h1 className={ui.title}>新增党课</h1>
      <p className={ui.muted}>保存后党课暂不公开，可在党课菜单中公开。</p>
      <div className={ui.panel}>
        <LectureForm lecturers={lecturers} />
      </div>
    </>
  );
}
