import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { RecordForm } from '@/components/records/RecordForm';
import styles from '@/components/records/records.module.css';
import { emptyDoc } from '@/lib/articles/body';
import { requirePermission } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { todayInBeijing } from '@/lib/calendar/days';
import { activityKindLabels } from '@/lib/records/labels';
import { getNodeRoster, getRecord } from '@/lib/records/queries';
import { refuseOutOfScope } from '@/lib/records/refusal';

export const metadata: Metadata = { title: '编辑活动记录' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditRecordPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('records.write', undefined, `/admin/records/${rawId}/edit`);
  const id = parseId(rawId);
  if (id === null) notFound();
  const record = await refuseOutOfScope(getRecord(me, id, { purpose: 'write' }));
  if (!record) notFound();
  const [roster, { saved }] = await Promise.all([getNodeRoster(me, record.branchId, record.heldOn), searchParams]);
  const correcting = record.status !== 'draft';
  return (
    <>
      <p>
        <Link href={`/admin/records/${record.id}`}>← 返回记录</Link>
      </p>
      <h1 className={ui.title}>
        {correcting ? '更正' : '编辑'}：{activityKindLabels[record.kind]}（{record.heldOn}）
      </h1>
      {saved && !correcting && (
        <p className={styles.notice} role="status">
          草稿已保存。内容完整后请点击“提交”，提交后记录将锁定。
        </p>
      )}
      {correcting && (
        <p className={styles.locked}>
          此记录已提交（第 {record.revision} 版），不能直接修改。保存更正将形成第 {record.revision + 1} 版，旧版本和更正原因一并保留。
        </p>
      )}
      <div className={ui.panel}>
        <RecordForm
          key={`${record.id}-${record.version}`}
          mode={correcting ? 'correct' : 'edit'}
          node={{ id: record.branchId, name: record.branchName, kind: '' }}
          roster={roster}
          record={record}
          today={todayInBeijing()}
          emptyMinutes={emptyDoc()}
        />
      </div>
    </>
  );
}
