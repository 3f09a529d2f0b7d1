import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { trainingAudienceLabels, trainingKindLabels } from '@/lib/training/labels';
import type { RoundListItem } from '@/lib/training/types';

/** One page of rounds, newest first. At phone width each row becomes a card. */
export function RoundTable({ items }: { items: RoundListItem[] }) {
  if (items.length === 0) {
    return (
      <p className={ui.panel} role="status">
        没有符合条件的培训班。
      </p>
    );
  }
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">培训班，按开班日期从新到旧排列</caption>
        <thead>
          <tr>
            <th scope="col">班次</th>
            <th scope="col">类型</th>
            <th scope="col">对象</th>
            <th scope="col">日期</th>
            <th scope="col">学时要求</th>
            <th scope="col">学员</th>
            <th scope="col">主办</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td data-label="班次">
                <Link href={`/admin/training/rounds/${r.id}`}>{r.name}</Link>
              </td>
              <td data-label="类型">{trainingKindLabels[r.kind]}</td>
              <td data-label="对象">{trainingAudienceLabels[r.audience]}</td>
              <td data-label="日期">
                {r.startsOn} 至 {r.endsOn}
              </td>
              <td data-label="学时要求">{r.requiredHours} 学时</td>
              <td data-label="学员">
                {r.trainees} 人（结业 {r.completed}）
              </td>
              <td data-label="主办">{r.organizer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
