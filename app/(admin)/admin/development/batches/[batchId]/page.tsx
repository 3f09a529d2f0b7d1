import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { BatchOutcomes } from '@/components/development/BatchOutcomes';
import { requirePermission } from '@/lib/auth/current-user';
import { getDevelopmentBatch } from '@/lib/development/batch-queries';
import { assessmentResultLabels, type AssessmentResult, bodyLabels, steps } from '@/lib/development/steps';
import { parseId } from '@/lib/ids';

export const metadata: Metadata = { title: '批量记录结果' };

type Props = { params: Promise<{ batchId: string }> };

export default async function DevelopmentBatchPage({ params }: Props) {
  const { batchId: raw } = await params;
  const id = parseId(raw);
  if (id === null) notFound();
  const me = await requirePermission('development.batch', undefined, `/admin/development/batches/${id}`);
  const batch = await getDevelopmentBatch(me, id);
  if (!batch) notFound();
  const f = batch.fields;
  const details = [
    f.roundName ? `按“${f.roundName}”的结业记录（日期、天数和学时逐人取自其记录）` : null,
    f.trainingDays != null ? `培训 ${f.trainingDays} 天` : null,
    f.trainingHours != null ? `${f.trainingHours} 学时` : null,
    f.extensionMonths != null ? `延长 ${f.extensionMonths} 个月` : null,
    f.result ? `考察结果：${assessmentResultLabels[f.result as AssessmentResult] ?? f.result}` : null,
  ].filter(Boolean);
  return (
    <>
      <p>
        <Link href="/admin/development/batches">返回批量记录</Link>
      </p>
      <h1 className={ui.title}>批量记录结果：{steps[batch.step].label}</h1>
      <p className={ui.summary} role="status">
        <span>
          {f.roundName ? '最晚结业日期' : '日期'} {batch.decidedOn}
        </span>
        <span>决定机构：{bodyLabels[batch.decidingBody]}</span>
        {details.length ? <span>{details.join('，')}</span> : null}
        <span>
          记录 {batch.movedCount} 人，未通过 {batch.refusedCount} 人
        </span>
      </p>
      {batch.note ? <p>说明：{batch.note}</p> : null}
      <BatchOutcomes batch={batch} />
    </>
  );
}
