import ui from '@/components/admin/admin-ui.module.css';
import type { HallRegistrationRow } from '@/lib/hall/queries';

const attendance = (attended: boolean | null) => (attended === null ? '待确认' : attended ? '出席' : '缺席');

/** Who is registered, by unit; after the session, whether each came. A table, cards on a phone. */
export function RegistrationTable({ registrations, past }: { registrations: HallRegistrationRow[]; past: boolean }) {
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">报名名单</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">所在组织</th>
            {past && <th scope="col">出席</th>}
          </tr>
        </thead>
        <tbody>
          {registrations.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td data-label="组织">{r.branchName}</td>
              {past && <td data-label="出席">{attendance(r.attended)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
