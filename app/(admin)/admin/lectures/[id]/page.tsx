import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { LectureForm } from '@/components/lectures/admin/LectureForm';
import { ToggleForm } from '@/components/lectures/admin/ToggleForm';
import { requirePermission } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { setLecturePublishedAction } from '@/lib/lectures/actions';
import { findLectureForAdmin, lecturerOptions } from '@/lib/lectures/admin-queries';

export const metadata: Metadata = { title: '编辑党课' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function LecturePage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const user = await requirePermission('lectures.manage', undefined, `/admin/lectures/${rawId}`);
  const id = parseId(rawId);
  const [lecture, lecturers, { created }] = await Promise.all([id === null ? null : findLectureForAdmin(user, id), lecturerOptions(user), searchParams]);
  if (!lecture) notFound();
  return (
    <>
      <p>
        <Link href="/admin/lectures">← 返回党课菜单</Link>
      </p>
      <h1 className={ui.title}>{lecture.title}</h1>
      {created && (
        <p className={ui.panel} role="status">
          党课已保存，尚未公开。
        </p>
      )}
      <dl>
        <dt>门户</dt>
        <dd>
          {lecture.published ? (
            <>
              已公开（<Link href={`/lectures/${lecture.id}`} prefetch={false}>
                查看门户页面
              </Link>）
            </>
          ) : (
            '未公开'
          )}{' '}
          <ToggleForm action={setLecturePublishedAction} fields={{ id: lecture.id, published: String(!lecture.published) }} label={lecture.published ? '撤下' : '公开'} />
        </dd>
        <dt>精品党课</dt>
        <dd>{lecture.showcaseYears.length > 0 ? `${lecture.showcaseYears.join('、')}年度` : '未列入'}</dd>
      </dl>
      <section className={ui.panel} aria-labelledby="edit-title">
        <h2 id="edit-title">编辑党课</h2>
        <LectureForm lecture={lecture} lecturers={lecturers} />
      </section>
    </>
  );
}
