import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { RoundFilterForm } from '@/components/training/RoundFilterForm';
import { RoundTable } from '@/components/training/RoundTable';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { todayInBeijing } from '@/lib/calendar/days';
import { listRounds } from '@/lib/training/rounds-queries';
import { roundFilterSchema } from '@/lib/training/schemas';

export const metadata: Metadata = { title: '培训' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function TrainingPage({ searchParams }: Props) {
  const me = await requirePermission('training.read', undefined, '/admin/training');
  const params = await searchParams;
  const filters = roundFilterSchema.parse({ year: first(params.year) || undefined, kind: first(params.kind) || undefined, audience: first(params.audience) || undefined });
  const list = await listRounds(me, { ...filters, cursor: first(params.cursor) });
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const years = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear + 1 - i);
  const href = (cursor?: string) => {
    const p = new URLSearchParams();
    if (filters.year) p.set('year', String(filters.year));
    if (filters.kind) p.set('kind', filters.kind);
    if (filters.audience) p.set('audience', filters.audience);
    if (cursor) p.set('cursor', cursor);
    const s = p.toString();
    return s ? `/admin/training?${s}` : '/admin/training';
  };
  return (
    <>
      <h1 className={ui.title}>培训班</h1>
      <p className={ui.muted}>
        {me.role === 'branch_secretary' ? '显示本组织人员参加的培训班和尚未结束的培训班；学员只显示本组织及下级的人员。' : '学员学时按所出席课次的学时合计；网络课程按结业计，不计点击和时长。'}
      </p>
      <div className={ui.toolbar}>
        <RoundFilterForm filters={filters} years={years} />
        {can(me, 'training.manage') && (
          <Link href="/admin/training/rounds/new" className="button">
            新建培训班
          </Link>
        )}
      </div>
      <RoundTable items={list.items} />
      <KeysetPager page={list} label="培训班分页" href={href} />
    </>
  );
}
