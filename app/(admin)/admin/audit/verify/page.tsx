import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/audit/audit.module.css';
import { chainBreakReasons } from '@/lib/audit/labels';
import { checkAuditChain } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '核验审计链' };

// Every visit recomputes the chain as it stands now.
export const dynamic = 'force-dynamic';

export default async function AuditVerifyPage() {
  const me = await requirePermission('audit.read', undefined, '/admin/audit/verify');
  const report = await checkAuditChain(me);
  return (
    <>
      <p>
        <Link href="/admin/audit">← 返回审计日志</Link>
      </p>
      <h1 className={ui.title}>核验审计链</h1>
      <p className={ui.muted}>
        逐条重新计算每条记录的 SHA-256 哈希，并检查它与前一条记录相连。任何改动、删除或调换顺序都会使链条在该处断裂。
      </p>
      {report.ok ? (
        <p className={styles.ok} role="status">
          审计链完整：共 {report.rows} 条记录，校验通过
        </p>
      ) : (
        <div className={styles.broken} role="alert">
          <p>
            审计链在第 {report.rows} 条记录（ID {report.brokenAt}）处断裂：{chainBreakReasons[report.reason]}
          </p>
          <p>
            <Link href={`/admin/audit/${report.brokenAt}`}>查看 ID {report.brokenAt} 的记录</Link>
          </p>
        </div>
      )}
      <p className={ui.muted}>核验时间：{formatDateTime(new Date())}（北京时间）</p>
    </>
  );
}
