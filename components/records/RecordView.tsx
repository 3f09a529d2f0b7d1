import { renderRichText } from '@/lib/news/rich-text';
import { attendanceCounts, attendanceLabel } from '@/lib/records/attendance';
import { activityKindLabels } from '@/lib/records/labels';
import { attendanceText } from '@/lib/records/snapshot';
import { formatBytes, attachmentKindLabels } from '@/lib/media/format';
import { formatDateTime } from '@/lib/format';
import type { RecordDetail } from '@/lib/records/types';
import ui from '@/components/admin/admin-ui.module.css';
import { LateMark, StatusBadge } from './badges';
import styles from './records.module.css';

/** A record as it stands: its fields, attendance, photos, attachments and minutes. */
export function RecordView({ record }: { record: RecordDetail }) {
  const { present, expected } = attendanceCounts(record.attendees);
  const time = record.startTime || record.endTime ? `${record.startTime ?? '—'} 至 ${record.endTime ?? '—'}` : '未填写';
  return (
    <>
      <dl className={styles.meta}>
        <dt>所属组织</dt>
        <dd>{record.branchPath.join(' / ') || record.branchName}</dd>
        <dt>活动类型</dt>
        <dd>{activityKindLabels[record.kind]}</dd>
        <dt>活动日期</dt>
        <dd>{record.heldOn}</dd>
        <dt>起止时间</dt>
        <dd>{time}</dd>
        <dt>地点</dt>
        <dd>{record.place || '未填写'}</dd>
        <dt>第一议题</dt>
        <dd>{record.firstAgendaStudied ? `已学习：${record.firstAgendaTopic ?? ''}` : '未安排第一议题学习'}</dd>
        <dt>主持人</dt>
        <dd>{record.host?.name ?? '未填写'}</dd>
        <dt>记录人</dt>
        <dd>{record.recorder?.name ?? '未填写'}</dd>
        {record.kind === 'party_lecture' && (
          <>
            <dt>授课人</dt>
            <dd>{record.speaker?.name ?? (record.speakerLecturer ? `${record.speakerLecturer.name}（送课讲师）` : '未填写')}</dd>
          </>
        )}
        <dt>出勤率</dt>
        <dd>{attendanceLabel(present, expected)}</dd>
        <dt>状态</dt>
        <dd>
          <StatusBadge status={record.status} />
          {record.revision > 0 && `　第 ${record.revision} 版`}
        </dd>
        <dt>提交</dt>
        <dd>
          {record.submittedOn ? (
            <>
              {record.submittedAt ? formatDateTime(record.submittedAt) : record.submittedOn}
              {record.submittedByName ? `，${record.submittedByName}` : ''}
              {record.lateDays !== null && (
                <>
                  {' '}
                  <LateMark days={record.lateDays} />
                </>
              )}
            </>
          ) : (
            '尚未提交'
          )}
        </dd>
      </dl>

      <section className={styles.section} aria-labelledby="attendance-title">
        <h2 id="attendance-title">出勤情况</h2>
        {record.attendees.length === 0 ? (
          <p className={ui.muted}>未登记出勤。</p>
        ) : (
          <div className={ui.tableWrap}>
            <table className={`${ui.table} ${ui.cards}`}>
              <caption className={ui.caption}>
                应到 {expected} 人，实到 {present} 人
              </caption>
              <thead>
                <tr>
                  <th scope="col">姓名</th>
                  <th scope="col">出勤</th>
                </tr>
              </thead>
              <tbody>
                {record.attendees.map((a) => (
                  <tr key={a.personId}>
                    <td data-label="姓名">{a.name}</td>
                    <td data-label="出勤">{attendanceText(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="minutes-title">
        <h2 id="minutes-title">会议记录</h2>
        {record.hasMinutes ? (
          // renderRichText builds markup only from the cleaned document's allow-list.
          <div className={styles.minutes} dangerouslySetInnerHTML={{ __html: renderRichText(record.minutes) }} />
        ) : (
          <p className={ui.muted}>未填写。</p>
        )}
      </section>

      <section className={styles.section} aria-labelledby="photos-title">
        <h2 id="photos-title">活动照片</h2>
        {record.photos.length === 0 ? (
          <p className={ui.muted}>没有照片。</p>
        ) : (
          <ul className={styles.photos}>
            {record.photos.map((p) => (
              <li key={p.mediaId}>
                <figure style={{ margin: 0 }}>
                  <a href={p.url}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- a pre-sized library thumbnail */}
                    <img src={p.thumbUrl} alt={p.alt} loading="lazy" />
                  </a>
                  <figcaption>{p.alt}</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby="attachments-title">
        <h2 id="attachments-title">附件</h2>
        {record.attachments.length === 0 ? (
          <p className={ui.muted}>没有附件。</p>
        ) : (
          <ul>
            {record.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url}>{a.name}</a>（{attachmentKindLabels[a.kind]}，{formatBytes(a.byteSize)}）
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
