import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import type { PersonTraining as Training } from '@/lib/training/hours-history';
import { trainingKindLabels } from '@/lib/training/labels';

const hours = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A person's rounds (hours, completion, certificate) and hours per year against the minimum. */
export function PersonTraining({ personId, training, sectionClass }: { personId: number; training: Training; sectionClass: string }) {
  return (
    <section className={sectionClass} aria-labelledby="training-title">
      <h2 id="training-title">培训经历</h2>
      <h3>年度学时</h3>
      <ul>
        {training.years.map((y) => (
          <li key={y.year}>
            <Link href={`/admin/training/coverage/people/${personId}?year=${y.year}`}>{y.year}年</Link>：{hours(y.hours)} 学时
            {y.minHours !== null && `，要求不少于 ${y.minHours} 学时（${y.leader ? '书记和委员' : '党员'}）${y.hours >= y.minHours ? '，已达标' : '，未达标'}`}
          </li>
        ))}
      </ul>
      <h3>参加的培训班</h3>
      {training.rounds.length === 0 ? (
        <p className={ui.muted}>没有参加培训班的记录。</p>
      ) : (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">参加的培训班，最近的在前</caption>
            <thead>
              <tr>
                <th scope="col">培训班</th>
                <th scope="col">类别</th>
                <th scope="col">日期</th>
                <th scope="col">学时</th>
                <th scope="col">结业</th>
                <th scope="col">证书编号</th>
              </tr>
            </thead>
            <tbody>
              {training.rounds.map((r) => (
                <tr key={r.roundId}>
                  <td data-label="培训班">{r.roundName}</td>
                  <td data-label="类别">{trainingKindLabels[r.kind]}</td>
                  <td data-label="日期">
                    {r.startsOn} 至 {r.endsOn}
                  </td>
                  <td data-label="学时">{r.kind === 'online' ? `${hours(r.completed ? r.requiredHours : 0)} / ${hours(r.requiredHours)}` : `${hours(r.attendedHours)} / ${hours(r.requiredHours)}`}</td>
                  <td data-label="结业">{r.completed ? `已结业（${r.completedOn}）` : '未结业'}</td>
                  <td data-label="证书编号">{r.certificateNo ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
