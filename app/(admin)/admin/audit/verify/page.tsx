import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import ui from '@/components/admin/admin-ui.module.css';
import { ChainReport } from '@/components/audit/ChainReport';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '核验审计链' };

// Every visit recomputes the chain as it stands now.
export const dynamic = 'force-dynamic';

export default async function AuditVerifyPage() {
  // Authorized before anything streams, so a refusal is sent with status 403.
  const me = await requirePermission('audit.read', undefined, '/admin/audit/verify');
  return (
    <>
      <p>
        <Link href="/admin/audit">← 返回审计日志</Link>
      </p>
      <h1 className={ui.title}>核验审计链</h1>
      <p className={ui.muted}>
        逐条重新计算每条记录的 SHA-256 哈希，并检查它与前一条记录相连。任何改动、删除或调换顺序都会使链条在该处断裂。
      </p>
      <Suspense
        fallback={
          <p className="loading" role="status">
            正在逐条核验审计链…
          </p>
        }
      >
        <ChainReport actor={me} />
      </Suspense>
    </>
  );
}
