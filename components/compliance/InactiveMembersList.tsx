import ui from '@/components/admin/admin-ui.module.css';
import { memberStatusLabels } from '@/lib/people/labels';
import { personHref } from '@/lib/compliance/links';
import type { InactiveMembers } from '@/lib/compliance/types';
import styles from './compliance.module.css';

// Plain links: next/link may prefetch a person's page, and every read of one is audited.
/** The early warning: members with no organizational life attended for the rule's number of months. */
export function InactiveMembersList({ list }: { list: InactiveMembers }) {
  if (list.items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有连续 {list.months} 个月未参加组织生活的党员。
      </p>
    );
  }
  return (
    <>
      <p className={styles.note}>
        自 {list.since} 以来未以“出席”登记在任何已提交的组织生活记录中的预备党员和正式党员，按所在组织排列；入党不满 {list.months} 个月的不列入。
      </p>
      <div className={ui.tableWrap}>
        <table className={`${ui.table} ${styles.list}`}>
          <caption className="visually-hidden">连续 {list.months} 个月未参加组织生活的党员</caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">身份</th>
              <th scope="col">所在组织</th>
              <th scope="col">最近一次参加</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.personId}>
                <td data-label="姓名">
                  <a href={personHref(m.personId)}>{m.name}</a>
                </td>
                <td data-label="身份">{memberStatusLabels[m.status]}</td>
                <td data-label="所在组织">{m.branchName}</td>
                <td data-label="最近一次参加">{m.lastPresentOn ?? '无出席记录'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
