import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { actorRoleLabel, formatAuditTime } from '@/lib/audit/labels';
import type { AuditListItem } from '@/lib/audit/queries';
import styles from './audit.module.css';

export const entityLabel = (entityType: string, entityId: string | null) => (entityId ? `${entityType} #${entityId}` : entityType);

/** One page of the trail. The caption names the page so a screen reader knows where it is. */
export function AuditTable({ items, caption }: { items: AuditListItem[]; caption: string }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有符合条件的记录
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table}>
        <caption className={ui.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">角色</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
            <th scope="col">IP</th>
            <th scope="col">详情</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <time dateTime={item.at.toISOString()}>{formatAuditTime(item.at)}</time>
              </td>
              <td>{item.actorName ?? '—'}</td>
              <td>{actorRoleLabel(item.actorRole) || '—'}</td>
              <td className={styles.mono}>{item.action}</td>
              <td>{entityLabel(item.entityType, item.entityId)}</td>
              <td className={styles.mono}>{item.ip ?? '—'}</td>
              <td>
                <Link href={`/admin/audit/${item.id}`}>
                  查看<span className="visually-hidden">第 {item.id} 号记录的详情</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
