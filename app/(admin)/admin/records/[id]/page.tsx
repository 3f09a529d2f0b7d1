import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { DeleteDraftForm } from '@/components/records/DeleteDraftForm';
import { RecordVersions } from '@/components/records/RecordVersions';
import { RecordView } from '@/components/records/RecordView';
import { RecordFindings } from '@/components/reviews/RecordFindings';
import styles from '@/components/records/records.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { parseId } from '@/lib/ids';
import { activityKindLabels } from '@/lib/records/labels';
import { getRecord, listRecordVersions } from '@/lib/records/queries';
import { refuseOutOfScope } from '@/lib/records/refusal';
import { recordReview } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: '活动记录' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecordPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('records.read', undefined, `/admin/records/${rawId}`);
  const id = parseId(rawId);
  if (id === null) notFound();
  const record = await refuseOutOfScope(getRecord(me, id));
  if (!record) notFound();
  const [versions, query, review] = await Promise.all([listRecordVersions(me, id), searchParams, recordReview(me, record)]);
  const canWrite = can(me, 'records.write', { branchId: record.branchId });
  return (
    <>
      <p>
        <Link href="/admin/records">← 返回组织生活记录</Link>
      </p>
      <h1 className={ui.title}>
        {activityKindLabels[record.kind]}：{record.topic || '（未填主题）'}
      </h1>
      {query.submitted && (
        <p className={styles.notice} role="status">
          记录已提交并锁定（第 1 版）。如需更改，请使用“更正”。
        </p>
      )}
      {query.corrected && (
        <p className={styles.notice} role="status">
          更正已保存为第 {record.revision} 版，旧版本和更正原因保留在下方的版本记录中。
        </p>
      )}
      {canWrite && (
        <div className={styles.toolbar}>
          {record.status === 'draft' ? (
            <>
              <Link href={`/admin/records/${record.id}/edit`} className="button">
                继续编辑或提交
              </Link>
              <DeleteDraftForm id={record.id} version={record.version} />
            </>
          ) : (
            <Link href={`/admin/records/${record.id}/edit`} className="button secondary">
              更正
            </Link>
          )}
        </div>
      )}
      {record.status !== 'draft' && <p className={styles.locked}>此记录已提交，内容已锁定；更正会形成新版本并保留原因。</p>}
      <RecordView record={record} />
      {review && <RecordFindings record={record} review={review} notice={typeof query.finding === 'string' ? query.finding : query.reviewed ? 'reviewed' : undefined} />}
      <RecordVersions versions={versions} />
    </>
  );
}
