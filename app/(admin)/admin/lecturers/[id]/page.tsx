import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { LecturerForm } from '@/components/lectures/admin/LecturerForm';
import { requirePermission } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { findLecturerForAdmin } from '@/lib/lectures/admin-queries';

export const metadata: Metadata = { title: '讲师资料' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function LecturerPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requirePermission('lectures.manage', undefined, `/admin/lecturers/${rawId}`);
  const id = parseId(rawId);
  const [lecturer, { created }] = await Promise.all([id === null ? null : findLecturerForAdmin(user, id), searchParams]);
  if (!lecturer) notFound();
  return (
    <>
      <p>
        <Link href="/admin/lecturers">← 返回讲师库</Link>
      </p>
      <h1 className={ui.title}>{lecturer.name}</h1>
      {created && (
        <p className={ui.panel} role="status">
          讲师已加入讲师库。列入年度名单后在门户显示。
        </p>
      )}
      <dl>
        <dt>年度名单</dt>
        <dd>{lecturer.listedYears.length > 0 ? `${lecturer.listedYears.join('、')}年度` : '尚未列入'}</dd>
        <dt>党课</dt>
        <dd>
          <Link href="/admin/lectures">{lecturer.lectureCount} 节</Link>
        </dd>
      </dl>
      <section className={ui.panel} aria-labelledby="edit-title">
        <h2 id="edit-title">编辑资料</h2>
        <LecturerForm lecturer={lecturer} />
      </section>
    </>
  );
}
