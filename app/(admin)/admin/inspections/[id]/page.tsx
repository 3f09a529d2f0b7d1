import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { InspectionFindings } from '@/components/inspections/InspectionFindings';
import { AddInspectionFindingForm, DraftNoticeForm, ReleaseInspectionForm } from '@/components/inspections/InspectionForms';
import styles from '@/components/reviews/reviews.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { formatDateTime } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { inspectionMethodLabels, inspectionStatusLabels } from '@/lib/inspections/labels';
import { getInspection } from '@/lib/inspections/queries';

export const metadata: Metadata = { title: '督查详情' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<string, string> = {
  created: '督查已保存。请逐条登记发现的问题，再发布给被督查组织。',
  released: '督查结果已发布，被督查组织的书记将在工作台看到问题并答复整改。',
  notice: '通报草稿已生成，编辑可在文章管理中修改后提交审核；草稿不会自动发布。',
  raised: '问题已登记。',
  answered: '整改答复已提交，等待纪检督查复查。',
  reopened: '问题已退回重改。',
  closed: '问题已复查通过，整改到位。',
};

export default async function InspectionPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('inspections.read', undefined, `/admin/inspections/${rawId}`);
  const id = parseId(rawId);
  if (id === null) notFound();
  const [inspection, query] = await Promise.all([getInspection(me, id), searchParams]);
  if (!inspection) notFound();
  const notice = [query.inspection, query.finding].flat().find((k): k is string => typeof k === 'string' && k in NOTICES);
  const method = inspectionMethodLabels[inspection.method];
  return (
    <>
      <p>
        <Link href="/admin/inspections">← 返回明察暗访</Link>
      </p>
      <h1 className={ui.title}>
        {inspection.branchName}：{method}
      </h1>
      {notice && (
        <p className={ui.panel} role="status">
          {NOTICES[notice]}
        </p>
      )}
      <dl className={styles.meta}>
        <div>
          <dt>督查日期</dt>
          <dd>{inspection.inspectedOn}</dd>
        </div>
        <div>
          <dt>单位</dt>
          <dd>{inspection.unitName}</dd>
        </div>
        <div>
          <dt>状态</dt>
          <dd>
            {inspectionStatusLabels[inspection.status]}
            {inspection.releasedAt && `（${inspection.releasedByName ?? '（无账号）'}，${formatDateTime(inspection.releasedAt)}）`}
          </dd>
        </div>
        <div>
          <dt>登记人</dt>
          <dd>{inspection.createdByName ?? '（无账号）'}</dd>
        </div>
      </dl>
      <h2>督查内容</h2>
      <p>{inspection.scope}</p>
      <section className={styles.section} aria-labelledby="findings">
        <h2 id="findings">
          发现的问题（{inspection.findings} 个，整改到位 {inspection.closed} 个，逾期 {inspection.overdue} 个）
        </h2>
        <InspectionFindings inspection={inspection} />
      </section>
      {inspection.canManage && (
        <div className={styles.forms}>
          {inspection.defaultDueOn && (
            <div className={ui.panel}>
              <h2>登记问题</h2>
              <AddInspectionFindingForm inspectionId={inspection.id} defaultDueOn={inspection.defaultDueOn} />
            </div>
          )}
          {inspection.status === 'draft' && (
            <div className={ui.panel}>
              <h2>发布</h2>
              <ReleaseInspectionForm inspectionId={inspection.id} version={inspection.version} findings={inspection.findings} />
            </div>
          )}
        </div>
      )}
      {inspection.noticeArticleId !== null && (
        <p className={ui.panel}>
          已生成通报草稿：
          {can(me, 'articles.read') ? <Link href={`/admin/articles/${inspection.noticeArticleId}`}>在文章管理中查看</Link> : `文章第 ${inspection.noticeArticleId} 号`}
        </p>
      )}
      {inspection.canDraftNotice && (
        <div className={ui.panel}>
          <h2>通报</h2>
          <DraftNoticeForm inspectionId={inspection.id} />
        </div>
      )}
    </>
  );
}
