import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/training/training.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { listCertificates } from '@/lib/training/rounds-queries';

export const metadata: Metadata = { title: '结业证书名单' };

type Props = { params: Promise<{ id: string }> };

export default async function CertificatesPage({ params }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('training.read', undefined, `/admin/training/rounds/${rawId}/certificates`);
  const id = parseId(rawId);
  const list = id === null ? null : await listCertificates(me, id);
  if (!list) notFound();
  const { round, items } = list;
  return (
    <>
      <p className={styles.noPrint}>
        <Link href={`/admin/training/rounds/${round.id}`}>← 返回{round.name}</Link>
      </p>
      <h1 className={ui.title}>{round.name} 结业证书名单</h1>
      <p className={`${ui.summary} ${styles.noPrint}`}>
        <span>共 {items.length} 人</span>
        <a href={`/admin/training/rounds/${round.id}/certificates.csv`} download>
          下载 CSV
        </a>
        <a href={`/admin/training/rounds/${round.id}/certificates.xlsx`} download>
          下载 Excel
        </a>
        <span className={ui.muted}>打印：使用浏览器的“打印”，本页按名单排版。</span>
      </p>
      {items.length === 0 ? (
        <p className={ui.panel}>还没有结业的学员。</p>
      ) : (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">结业学员，按证书编号排列</caption>
            <thead>
              <tr>
                <th scope="col">证书编号</th>
                <th scope="col">姓名</th>
                <th scope="col">所在组织</th>
                <th scope="col">学时</th>
                <th scope="col">结业日期</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.certificateNo}>
                  <td data-label="证书编号">{c.certificateNo}</td>
                  <td data-label="姓名">{c.name}</td>
                  <td data-label="所在组织">{c.branchName}</td>
                  <td data-label="学时">{round.kind === 'online' ? round.requiredHours : c.attendedHours}</td>
                  <td data-label="结业日期">{c.completedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
