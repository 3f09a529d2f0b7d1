import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { LecturerTable } from '@/components/lectures/admin/LecturerTable';
import { YearSwitch } from '@/components/lectures/admin/YearSwitch';
import { requirePermission } from '@/lib/auth/current-user';
import { listLecturersForAdmin } from '@/lib/lectures/admin-queries';
import { adminListYear } from '@/lib/lectures/admin-year';

export const metadata: Metadata = { title: '讲师库' };

type Props = { searchParams: Promise<{ year?: string }> };

export default async function LecturersPage({ searchParams }: Props) {
  const user = await requirePermission('lectures.manage', undefined, '/admin/lecturers');
  const [lecturers, params] = await Promise.all([listLecturersForAdmin(user), searchParams]);
  const year = adminListYear(params.year);
  const listed = lecturers.filter((l) => l.listedYears.includes(year)).length;
  return (
    <>
      <h1 className={ui.title}>讲师库</h1>
      <p className={ui.muted}>千人师资库：联系方式仅内部可见。列入年度名单的在库讲师显示在门户“百名党课讲师”页。</p>
      <div className={ui.toolbar}>
        <Link href="/admin/lecturers/new" className="button">
          新增讲师
        </Link>
        <Link href="/admin/lectures">党课菜单</Link>
        <Link href={`/lecturers?year=${year}`} prefetch={false}>
          查看门户名单
        </Link>
      </div>
      <YearSwitch base="/admin/lecturers" year={year} label="讲师名单" />
      <p>
        共 {lecturers.length} 位讲师，{year}年度名单 {listed} 位。
      </p>
      {lecturers.length === 0 ? <p className={ui.panel}>讲师库还是空的。请先新增讲师。</p> : <LecturerTable lecturers={lecturers} year={year} />}
    </>
  );
}
