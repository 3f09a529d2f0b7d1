import type { Metadata } from 'next';
import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { RecordFilterForm } from '@/components/records/RecordFilterForm';
import { RecordTable } from '@/components/records/RecordTable';
import styles from '@/components/records/records.module.css';
import { KeysetPager } from '@/components/ui/KeysetPager';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { cappedCountLabel } from '@/lib/pagination/offset';
import { todayInBeijing } from '@/lib/calendar/days';
import { hasFilters, parseRecordFilters, recordQueryString } from '@/lib/records/filters';
import { listRecords, RECORD_EXPORT_LIMIT } from '@/lib/records/list';
import { listRecordNodes } from '@/lib/records/queries';

export const metadata: Metadata = { title: '组织生活记录' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecordsPage({ searchParams }: Props) {
  const me = await requirePermission('records.read', undefined, '/admin/records');
  const params = await searchParams;
  const filters = parseRecordFilters(params);
  const [list, nodes] = await Promise.all([listRecords(me, { ...filters, cursor: params.cursor }), listRecordNodes(me, { purpose: 'read' })]);
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const years = Array.from({ length: 9 }, (_, i) => thisYear - i);
  const query = recordQueryString(filters);
  const where = list.isFirst ? '最近的一页' : list.isLast ? '最早的一页' : '较早的一页';
  const overLimit = list.count.capped || list.count.total > RECORD_EXPORT_LIMIT;
  return (
    <>
      <h1 className={ui.title}>组织生活记录</h1>
      <p className={ui.muted}>按活动举行日期排列，最近的在前。提交后记录即锁定，更改须以“更正”留下新版本和原因。</p>
      {params.deleted === '1' && (
        <p className={styles.notice} role="status">
          草稿已删除。
        </p>
      )}
      {can(me, 'records.write') && (
        <p className={styles.toolbar}>
          <Link href="/admin/records/new" className="button">
            登记活动
          </Link>
        </p>
      )}
      <RecordFilterForm filters={filters} nodes={nodes} years={years} />
      <div className={ui.summary}>
        <p role="status">
          {hasFilters(filters) ? '符合条件的记录' : '全部记录'}共 {cappedCountLabel(list.count)}
        </p>
        {list.count.total > 0 && (
          <>
            <a href={`/admin/records/export.csv${query}`} download>
              导出 CSV{overLimit ? `（至多 ${RECORD_EXPORT_LIMIT} 条）` : ''}
            </a>
            <a href={`/admin/records/export.xlsx${query}`} download>
              导出 Excel{overLimit ? `（至多 ${RECORD_EXPORT_LIMIT} 条）` : ''}
            </a>
          </>
        )}
      </div>
      <RecordTable items={list.items} caption={`活动记录，${where}，本页 ${list.items.length} 条`} />
      <KeysetPager page={list} label="活动记录分页" labels={{ first: '最近一页', last: '最早一页' }} href={(cursor) => `/admin/records${recordQueryString(filters, cursor)}`} />
    </>
  );
}
