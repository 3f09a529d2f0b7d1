import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { AuditFilterForm } from '@/components/audit/AuditFilterForm';
import { AuditTable } from '@/components/audit/AuditTable';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { auditCursor, auditQueryString, parseAuditFilters } from '@/lib/audit/filters';
import { AUDIT_EXPORT_LIMIT, listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { cappedCountLabel } from '@/lib/pagination/offset';

export const metadata: Metadata = { title: '审计日志' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const me = await requirePermission('audit.read', undefined, '/admin/audit');
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const [list, facets] = await Promise.all([listAuditEntries(me, { ...filters, cursor: auditCursor(params) }), listAuditFacets(me)]);
  const filtered = auditQueryString(filters) !== '';
  const where = list.isFirst ? '最新一页' : list.isLast ? '最早一页' : '较早的一页';
  return (
    <>
      <h1 className={ui.title}>审计日志</h1>
      <p className={ui.muted}>
        每一项变更都在同一事务中记入审计日志，记录只增不改，并以哈希链相连。<Link href="/admin/audit/verify">核验审计链</Link>
      </p>
      <AuditFilterForm filters={filters} entityTypes={facets.entityTypes} actions={facets.actions} />
      <div className={ui.summary}>
        <p role="status">
          {filtered ? '符合条件的记录' : '全部记录'}共 {cappedCountLabel(list.count)}
        </p>
        {list.count.total > 0 && (
          <a href={`/admin/audit/export${auditQueryString(filters)}`} download>
            导出 CSV{list.count.capped || list.count.total > AUDIT_EXPORT_LIMIT ? `（至多最新 ${AUDIT_EXPORT_LIMIT} 条）` : ''}
          </a>
        )}
      </div>
      <AuditTable items={list.items} caption={`审计记录，${where}，本页 ${list.items.length} 条，时间为北京时间`} />
      <KeysetPager
        page={list}
        label="审计记录分页"
        labels={{ first: '最新一页', last: '最早一页' }}
        href={(cursor) => `/admin/audit${auditQueryString(filters, cursor)}`}
      />
    </>
  );
}
