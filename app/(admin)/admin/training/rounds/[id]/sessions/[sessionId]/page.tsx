import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import formStyles from '@/components/forms/forms.module.css';
import { AttendanceForm } from '@/components/training/AttendanceForm';
import { ImportForm } from '@/components/training/ImportForm';
import { SessionForm } from '@/components/training/SessionForm';
import styles from '@/components/training/training.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { todayInBeijing } from '@/lib/calendar/days';
import { parseId } from '@/lib/ids';
import { getSessionDetail } from '@/lib/training/sessions-queries';

export const metadata: Metadata = { title: '课次出勤' };

type Props = { params: Promise<{ id: string; sessionId: string }>; searchParams: Promise<{ created?: string }> };

export default async function SessionPage({ params, searchParams }: Props) {
  const { id: rawId, sessionId: rawSession } = await params;
  const me = await requirePermission('training.manage', undefined, `/admin/training/rounds/${rawId}/sessions/${rawSession}`);
  const roundId = parseId(rawId);
  const sessionId = parseId(rawSession);
  const detail = roundId === null || sessionId === null ? null : await getSessionDetail(me, roundId, sessionId);
  if (!detail) notFound();
  const { round, session, trainees } = detail;
  const { created } = await searchParams;
  // Attendance is taken from the session's day on (lib/training/attendance-commands.ts).
  const upcoming = session.heldOn > todayInBeijing();
  const notYet = <p>本课次定于 {session.heldOn} 举办，当天起可登记出勤和导入签到表。</p>;
  return (
    <>
      <p>
        <Link href={`/admin/training/rounds/${round.id}`}>← 返回{round.name}</Link>
      </p>
      <h1 className={ui.title}>
        {session.heldOn} {session.topic}
      </h1>
      {created && (
        <p className={formStyles.success} role="status">
          课次已添加。{upcoming ? '课次当天起可在本页登记出勤或导入签到表。' : '可在下方登记出勤或导入签到表。'}
        </p>
      )}
      <dl className={styles.facts}>
        <dt>学时</dt>
        <dd>{session.hours}</dd>
        <dt>授课人</dt>
        <dd>{session.teacher ?? '—'}</dd>
      </dl>
      <div className={styles.sections}>
        <section className={ui.panel} aria-labelledby="attendance-title">
          <h2 id="attendance-title">出勤</h2>
          {upcoming ? notYet : <AttendanceForm key={session.version} session={session} rows={trainees} />}
        </section>
        <section className={ui.panel} aria-labelledby="import-title">
          <h2 id="import-title">导入签到表</h2>
          {upcoming ? (
            notYet
          ) : (
            <>
              <p className={ui.muted}>先预览：每一行都须唯一匹配本班的一名学员；有查无此人、未报名、重名或重复的行时不能导入。确认后全部写入，或全部不写入。</p>
              <ImportForm sessionId={session.id} />
            </>
          )}
        </section>
        <details className={ui.panel}>
          <summary>修改课次</summary>
          <SessionForm round={round} session={session} />
        </details>
      </div>
    </>
  );
}
