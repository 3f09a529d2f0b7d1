import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { NodeSwitch } from '@/components/records/NodeSwitch';
import { RecordForm } from '@/components/records/RecordForm';
import { emptyDoc } from '@/lib/articles/body';
import { requirePermission } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { todayInBeijing } from '@/lib/calendar/days';
import { getNodeRoster, listRecordNodes } from '@/lib/records/queries';

export const metadata: Metadata = { title: '登记活动' };

type Props = { searchParams: Promise<{ node?: string | string[] }> };

export default async function NewRecordPage({ searchParams }: Props) {
  const me = await requirePermission('records.write', undefined, '/admin/records/new');
  const { node: rawNode } = await searchParams;
  const nodes = await listRecordNodes(me, { purpose: 'write' });
  const wanted = parseId(Array.isArray(rawNode) ? rawNode[0] : rawNode);
  // The chosen node, else the secretary's own, else the only one there is.
  const node = nodes.find((n) => n.id === wanted) ?? nodes.find((n) => n.id === me.branchId) ?? (nodes.length === 1 ? nodes[0] : undefined);
  const today = todayInBeijing();
  const roster = node ? await getNodeRoster(me, node.id, today) : [];
  return (
    <>
      <p>
        <Link href="/admin/records">← 返回组织生活记录</Link>
      </p>
      <h1 className={ui.title}>登记活动</h1>
      <NodeSwitch nodes={nodes} current={node?.id ?? null} />
      {node ? (
        <div className={ui.panel}>
          <RecordForm key={node.id} mode="create" node={{ id: node.id, name: node.label.trim(), kind: node.kind }} roster={roster} record={null} today={today} emptyMinutes={emptyDoc()} />
        </div>
      ) : (
        <p className={ui.muted}>请先选择要登记活动的组织。</p>
      )}
    </>
  );
}
