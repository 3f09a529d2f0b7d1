import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import { AuditDiffTable } from '@/components/audit/AuditDiffTable';
import { entityLabel } from '@/components/audit/AuditTable';
import styles from '@/components/audit/audit.module.css';
import { diffSnapshots } from '@/lib/audit/diff';
import { actorRoleLabel, chainBreakReasons, formatAuditTime } from '@/lib/audit/labels';
import { getAuditEntry } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';

type Props = { params: Promise<{ id: string }> };

// Audit ids are bigint: up to 15 digits.
const parseAuditId = (raw: string) => parseId(raw, { digits: 15 });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `审计记录 ${parseAuditId((await params).id) ?? ''}`.trim() };
}

export default async function AuditEntryPage({ params }: Props) {
  const raw = (await params).id;
  const me = await requirePermission('audit.read', undefined, `/admin/audit/${encodeURIComponent(raw)}`);
  const id = parseAuditId(raw);
  const entry = id === null ? null : await getAuditEntry(me, id);
  if (!entry) notFound();
  return (
    <>
      <p>
        <Link href="/admin/audit">← 返回审计日志</Link>
      </p>
      <h1 className={ui.title}>审计记录 #{entry.id}</h1>
      <dl className={`${ui.panel} ${styles.meta}`}>
        <dt>时间</dt>
        <dd>
          <time dateTime={entry.at.toISOString()}>{formatAuditTime(entry.at)}</time>（北京时间）
        </dd>
        <dt>操作人</dt>
        <dd>
          {entry.actorName ?? '—'}
          {entry.actorId !== null && <span className={ui.muted}>（用户 ID {entry.actorId}）</span>}
        </dd>
        <dt>角色</dt>
        <dd>{actorRoleLabel(entry.actorRole) || '—'}</dd>
        <dt>操作</dt>
        <dd className={styles.mono}>{entry.action}</dd>
        <dt>对象</dt>
        <dd>{entityLabel(entry.entityType, entry.entityId)}</dd>
        <dt>IP</dt>
        <dd className={styles.mono}>{entry.ip ?? '—'}</dd>
        <dt>前序哈希</dt>
        <dd className={styles.mono}>{entry.prevHash}</dd>
        <dt>本条哈希</dt>
        <dd className={styles.mono}>{entry.hash}</dd>
        <dt>内容校验</dt>
        {/* The row's own hash only; its link to the row before is checked on the verify page. */}
        <dd>{entry.contentIntact ? '本条内容与哈希一致' : `本条内容与哈希不一致：${chainBreakReasons['hash-mismatch']}`}</dd>
      </dl>
      <h2>变更内容</h2>
      <AuditDiffTable rows={diffSnapshots(entry.before, entry.after)} />
      <p>
        <Link href="/admin/audit/verify">核验整条审计链</Link>
      </p>
    </>
  );
}
