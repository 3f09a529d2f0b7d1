import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { connection } from 'next/server';
import ui from '@/components/admin/admin-ui.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { AppError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { hourSourceLabels } from '@/lib/training/coverage-labels';
import { parseCoverageParams } from '@/lib/training/coverage-params';
import { coveragePerson } from '@/lib/training/hours-history';

export const metadata: Metadata = { title: '年度学时明细' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const hours = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export default async function CoveragePersonPage({ params, searchParams }: Props) {
  await connection();
  const { id: rawId } = await params;
  const me = await requirePermission('training.read', undefined, `/admin/training/coverage/people/${rawId}`);
  const id = parseId(rawId);
  const { year } = parseCoverageParams(await searchParams, todayInBeijing());
  const person =
    id === null
      ? null
      : await coveragePerson(me, id, year).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'forbidden') forbidden();
          throw error;
        });
  if (!person) notFound();
  const { total } = person;
  return (
    <>
      <p>
        <Link href={`/admin/training/coverage?year=${year}`}>← 返回培训覆盖情况</Link>
      </p>
      <h1 className={ui.title}>
        {person.name} {year}年学时明细
      </h1>
      <p>
        {person.branchName} · 合计 <strong>{hours(total.hours)}</strong> 学时
        {total.minHours !== null && `，要求不少于 ${total.minHours} 学时（${total.leader ? '书记和委员' : '党员'}）${total.hours >= total.minHours ? '，已达标' : '，未达标'}`}
        {can(me, 'people.read') && (
          <>
            {' '}
            · <Link href={`/admin/people/${person.id}`}>人员详情（含培训经历）</Link>
          </>
        )}
      </p>
      {person.items.length === 0 ? (
        <p className={ui.panel}>{year}年没有计入学时的培训。</p>
      ) : (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">
              {person.name}
              {year}年计入学时的培训课程、结业和大讲堂
            </caption>
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">培训</th>
                <th scope="col">课程或主讲</th>
                <th scope="col">类别</th>
                <th scope="col">学时</th>
              </tr>
            </thead>
            <tbody>
              {person.items.map((item, i) => (
                <tr key={`${item.source}-${item.onDay}-${i}`}>
                  <td data-label="日期">{item.onDay}</td>
                  <td data-label="培训">{item.title}</td>
                  <td data-label="课程或主讲">{item.detail ?? '—'}</td>
                  <td data-label="类别">{hourSourceLabels[item.source]}</td>
                  <td data-label="学时">{hours(item.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
