import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { absenceReasonLabels, activityKindLabels } from '@/lib/records/labels';
import type { PersonAttendance as Attendance, PersonMeeting } from '@/lib/people/types';

// The person page's "组织生活参加情况": twelve months summed up, then the latest meetings whose
// attendance list names them, each linking to its record.

const attendanceText = (m: PersonMeeting) =>
  m.attendance === 'present' ? '出席' : `缺席（${m.absenceReason ? absenceReasonLabels[m.absenceReason] : '未说明'}${m.absenceNote ? `：${m.absenceNote}` : ''}）`;

export function PersonAttendance({ attendance, sectionClass }: { attendance: Attendance; sectionClass?: string }) {
  const { present, absent, lastPresentOn, recent, since } = attendance;
  return (
    <section className={sectionClass} aria-labelledby="attendance-title">
      <h2 id="attendance-title">组织生活参加情况</h2>
      <p>
        {since} 之后召开的会议：出席 <strong>{present}</strong> 次，缺席 <strong>{absent}</strong> 次；最近一次出席：{lastPresentOn ?? '无记录'}。
      </p>
      {recent.length === 0 ? (
        <p className={ui.muted}>尚无该人员的会议出勤记录。</p>
      ) : (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">最近的会议出勤，按召开日期，最近的在前</caption>
            <thead>
              <tr>
                <th scope="col">召开日期</th>
                <th scope="col">类别</th>
                <th scope="col">主题</th>
                <th scope="col">组织</th>
                <th scope="col">出勤</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((m) => (
                <tr key={m.recordId}>
                  <td data-label="召开日期">{m.heldOn}</td>
                  <td data-label="类别">{activityKindLabels[m.kind]}</td>
                  <td data-label="主题">
                    <Link href={`/admin/records/${m.recordId}`}>{m.topic}</Link>
                  </td>
                  <td data-label="组织">{m.branchName}</td>
                  <td data-label="出勤">{attendanceText(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
