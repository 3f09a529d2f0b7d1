import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { formatDateTime } from '@/lib/format';
import type { HallAdminItem } from '@/lib/hall/queries';
import { hallSeriesLabels } from '@/lib/lectures/labels';

/** Sessions with their registrations (within the reader's scope): a table, cards on a phone. */
export function HallSessionTable({ sessions, caption, scoped }: { sessions: HallAdminItem[]; caption: string; scoped: boolean }) {
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">主题</th>
            <th scope="col">时间</th>
            <th scope="col">主讲与地点</th>
            <th scope="col">{scoped ? '本单位报名' : '报名'}</th>
            <th scope="col">出席</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                <Link href={`/admin/hall/${s.id}`}>{s.theme}</Link>
              </td>
              <td data-label="时间">
                {formatDateTime(s.startsAt)} · {hallSeriesLabels[s.series]}
              </td>
              <td data-label="主讲">
                {s.speaker} · {s.place}
              </td>
              <td data-label="报名">
                {s.registered} 人{!scoped && s.capacity !== null ? ` / ${s.capacity}` : ''}
              </td>
              <td data-label="出席">{s.attended > 0 ? `${s.attended} 人${s.classHours ? `，各计 ${s.classHours} 学时` : ''}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
