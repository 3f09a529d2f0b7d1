import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { setLecturePublishedAction, setLectureShowcaseAction } from '@/lib/lectures/actions';
import type { AdminLecture } from '@/lib/lectures/admin-queries';
import { formatLabels, themeLabels } from '@/lib/lectures/labels';
import { ToggleForm } from './ToggleForm';

/** The catalog with publication and the year's showcase list: a table, cards on a phone. */
export function LectureTable({ lectures, year }: { lectures: AdminLecture[]; year: number }) {
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">党课菜单（{year}年度精品党课）</caption>
        <thead>
          <tr>
            <th scope="col">题目</th>
            <th scope="col">主讲人</th>
            <th scope="col">主题与形式</th>
            <th scope="col">门户</th>
            <th scope="col">精品党课</th>
          </tr>
        </thead>
        <tbody>
          {lectures.map((l) => {
            const showcased = l.showcaseYears.includes(year);
            return (
              <tr key={l.id}>
                <td>
                  <Link href={`/admin/lectures/${l.id}`}>{l.title}</Link>
                </td>
                <td data-label="主讲">{l.lecturerName}</td>
                <td data-label="主题">
                  {themeLabels[l.theme]} · {formatLabels[l.format]} · {l.durationMinutes} 分钟
                </td>
                <td data-label="门户">
                  <span>
                    {l.published ? <span className={ui.badge}>已公开</span> : <span className={ui.badgeOff}>未公开</span>}{' '}
                    <ToggleForm action={setLecturePublishedAction} fields={{ id: l.id, published: String(!l.published) }} label={l.published ? '撤下' : '公开'} ariaLabel={`${l.published ? '撤下' : '公开'}：${l.title}`} />
                  </span>
                </td>
                <td data-label="精品">
                  <span>
                    {l.showcaseYears.length > 0 ? `${l.showcaseYears.join('、')}年度` : '—'}
                    <br />
                    <ToggleForm
                      action={setLectureShowcaseAction}
                      fields={{ lectureId: l.id, year, showcase: String(!showcased) }}
                      label={showcased ? `移出${year}年度` : `列入${year}年度`}
                      ariaLabel={`${showcased ? '移出' : '列入'}${year}年度精品党课：${l.title}`}
                    />
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
