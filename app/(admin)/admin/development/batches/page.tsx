import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { BatchFilterForm } from '@/components/development/BatchFilterForm';
import { BatchForm } from '@/components/development/BatchForm';
import { requirePermission } from '@/lib/auth/current-user';
import { listScopedBranchOptions } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { listBatchCandidates, listConcentratedRoundOptions, recentDevelopmentBatches } from '@/lib/development/batch-queries';
import { batchFilterSchema, batchStepKinds } from '@/lib/development/schemas';
import { steps } from '@/lib/development/steps';

export const metadata: Metadata = { title: '批量记录发展步骤' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DevelopmentBatchesPage({ searchParams }: Props) {
  const me = await requirePermission('development.batch', undefined, '/admin/development/batches');
  const params = await searchParams;
  const filters = batchFilterSchema.parse({ branchId: first(params.branchId), stage: first(params.stage) });
  const [candidates, branches, recent, rounds] = await Promise.all([
    listBatchCandidates(me, filters),
    listScopedBranchOptions(me, 'development.read', { includeDissolved: true }),
    recentDevelopmentBatches(me),
    listConcentratedRoundOptions(me),
  ]);
  const formKey = `${filters.branchId ?? ''}-${filters.stage ?? ''}`;
  return (
    <>
      <p>
        <Link href="/admin/development">返回发展党员</Link>
      </p>
      <h1 className={ui.title}>批量记录发展步骤</h1>
      <p className={ui.muted}>勾选人员，选择一个步骤和一个日期。每人按该日期有效的发展党员工作规则逐人核对：通过的一并记录，未通过的不作任何记录，并列出所依据的规定。</p>
      <BatchFilterForm branchId={filters.branchId} stage={filters.stage} branches={branches} />
      <p className={ui.summary} role="status">
        <span>符合条件 {candidates.total} 人</span>
        {candidates.total > candidates.limit ? <span>只列出前 {candidates.limit} 人，请按党组织或阶段缩小范围。</span> : null}
      </p>
      {candidates.items.length ? (
        <BatchForm key={formKey} candidates={candidates.items} stepKinds={batchStepKinds} today={todayInBeijing()} rounds={rounds} />
      ) : (
        <p className={ui.panel}>没有符合条件的发展档案。</p>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">最近的批量记录</h2>
        {recent.length ? (
          <ul>
            {recent.map((b) => (
              <li key={b.id}>
                <Link href={`/admin/development/batches/${b.id}`}>
                  {b.decidedOn} {steps[b.step].label}
                </Link>
                ：记录 {b.movedCount} 人，未通过 {b.refusedCount} 人{b.createdByName ? `（${b.createdByName}）` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>还没有批量记录。</p>
        )}
      </section>
    </>
  );
}
