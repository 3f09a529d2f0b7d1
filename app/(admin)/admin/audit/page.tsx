import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { AuditFilterForm } from '@/components/audit/AuditFilterForm';
import { AuditTable } from '@/components/audit/AuditTable';
import styles from '@/components/audit/audit.module.css';
import { Pagination } from '@/components/news/Pagination';
import { auditQueryString, parseAuditFilters, parseAuditPage } from '@/lib/audit/filters';
import { AUDIT_EXPORT_LIMIT, listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: '审计日志' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const me = await requirePermission('audit.read', undefined, '/admin/audit');
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const [list, facets] = await Promise.all([listAuditEntries(me, { ...filters, page: parseAuditPage(params) }), listAuditFacets(me)]);
  const filtered = auditQueryString(filters) !== '';
  return (
    <>
      <h1 className={ui.title}>审计日志</h1>
      <p className={ui.muted}>
        每一项变更都在同一事务中记入审计日志，记录只增不改，并以哈希链相连。<Link href="/admin/audit/verify">核验审计链</Link>
      </p>
      <AuditFilterForm filters={filters} entityTypes={facets.entityTypes} actions={facets.actions} />
      <div className={styles.summary}>
        <p role="status">
          {filtered ? '符合条件的记录' : '全部记录'}共 {list.total} 条
        </p>
        {list.total > 0 && (
          <a href={`/admin/audit/export${auditQueryString(filters)}`} download>
            导出 CSV{list.total > AUDIT_EXPORT_LIMIT ? `（最新 ${AUDIT_EXPORT_LIMIT} 条）` : ''}
          </a>
        )}
      </div>
      <AuditTable items={list.items} caption={`审计记录，第 ${list.page} / ${list.pageCount} 页，时间为北京时间`} />
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `/admin/audit${auditQueryString(filters, p)}`} />
    </>
  );
}
