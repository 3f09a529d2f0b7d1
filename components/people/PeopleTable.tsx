import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/branches/branches.module.css';
import { genderLabels, memberStatusLabels } from '@/lib/people/labels';
import type { PersonListItem } from '@/lib/people/types';

/** One page of the roster; phones arrive masked. At phone width each row becomes a card. */
export function PeopleTable({ items, caption }: { items: PersonListItem[]; caption: string }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有符合条件的人员。
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${styles.cards}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">性别</th>
            <th scope="col">政治面貌</th>
            <th scope="col">入党时间</th>
            <th scope="col">职务</th>
            <th scope="col">所在组织</th>
            <th scope="col">电话</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td data-label="姓名">
                <Link href={`/admin/people/${p.id}`}>{p.name}</Link>
              </td>
              <td data-label="性别">{p.gender ? genderLabels[p.gender] : '—'}</td>
              <td data-label="政治面貌">
                {memberStatusLabels[p.status]}
                {p.statusSince ? <span className={ui.muted}>（{p.statusSince} 起）</span> : null}
              </td>
              <td data-label="入党时间">{p.joinedPartyOn ?? '—'}</td>
              <td data-label="职务">{p.jobTitle ?? '—'}</td>
              <td data-label="所在组织">
                <Link href={`/admin/branches/${p.branchId}`}>{p.branchName}</Link>
              </td>
              <td data-label="电话">{p.maskedPhone || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
