import Link from 'next/link';
import { chainBreakReasons } from '@/lib/audit/labels';
import { checkAuditChain } from '@/lib/audit/queries';
import type { Actor } from '@/lib/auth/permissions';
import { formatDateTime } from '@/lib/format';
import ui from '@/components/admin/admin-ui.module.css';
import styles from './audit.module.css';

/** Recomputes the chain now; slow on a long trail, so pages render it inside a Suspense boundary. */
export async function ChainReport({ actor }: { actor: Actor }) {
  const report = await checkAuditChain(actor);
  return (
    <>
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
