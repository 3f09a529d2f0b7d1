import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { LectureTable } from '@/components/lectures/admin/LectureTable';
import { YearSwitch } from '@/components/lectures/admin/YearSwitch';
import { requirePermission } from '@/lib/auth/current-user';
import { listLecturesForAdmin } from '@/lib/lectures/admin-queries';
import { adminListYear } from '@/lib/lectures/admin-year';

export const metadata: Metadata = { title: '党课菜单' };

type Props = { searchParams: Promise<{ year?: string }> };

export default async function LecturesAdminPage({ searchParams }: Props) {
  const user = await requirePermission('lectures.manage', undefined, '/admin/lectures');
  const [lectures, params] = await Promise.all([listLecturesForAdmin(user), searchParams]);
  const year = adminListYear(params.year);
  const published = lectures.filter((l) => l.published).length;
  const showcased = lectures.filter((l) => l.showcaseYears.includes(year)).length;
  return (
    <>
      <h1 className={ui.title}>党课菜单</h1>
      <p className={ui.muted}>新党课默认不公开；公开后出现在门户党课菜单。只有已公开的党课可列入年度精品党课。</p>
      <div className={ui.toolbar}>
        <Link href="/admin/lectures/new" className="button">
          新增党课
        </Link>
        <Link href="/admin/lecturers">讲师库</Link>
        <Link href="/lectures" prefetch={false}>
          查看门户党课菜单
        </Link>
      </div>
      <YearSwitch base="/admin/lectures" year={year} label="精品党课" />
      <p>
        共 {lectures.length} 节，已公开 {published} 节，{year}年度精品党课 {showcased} 节。
      </p>
      {lectures.length === 0 ? <p className={ui.panel}>还没有党课。请先在讲师库中添加讲师，再新增党课。</p> : <LectureTable lectures={lectures} year={year} />}
    </>
  );
}
