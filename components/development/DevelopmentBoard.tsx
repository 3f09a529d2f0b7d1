import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { stageLabels } from '@/lib/development/steps';
import type { BoardItem } from '@/lib/development/types';
import { DueList } from './DueList';

/** The pipeline board: one row per file, by branch and stage; at phone width each row is a card. */
export function DevelopmentBoard({ items, caption }: { items: BoardItem[]; caption: string }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有符合条件的发展对象档案。
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">党组织</th>
            <th scope="col">阶段</th>
            <th scope="col">期限与提醒</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.personId}>
              <td>
                <Link href={`/admin/development/${item.personId}`}>{item.name}</Link>
              </td>
              <td data-label="党组织">{item.branchName}</td>
              <td data-label="阶段">
                {stageLabels[item.stage]}
                <span className={ui.muted}>（{item.stageSince} 起）</span>
              </td>
              <td data-label="期限">
                <DueList items={item.due} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
