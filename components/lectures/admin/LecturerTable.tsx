import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { setLecturerListedAction } from '@/lib/lectures/actions';
import type { AdminLecturer } from '@/lib/lectures/admin-queries';
import styles from './lectures-admin.module.css';
import { ToggleForm } from './ToggleForm';

/** The pool with contact details (internal) and the year's list: a table, cards on a phone. */
export function LecturerTable({ lecturers, year }: { lecturers: AdminLecturer[]; year: number }) {
  return (
    <div className={ui.tableWrap}>
      <table className={`${ui.table} ${ui.cards}`}>
        <caption className="visually-hidden">讲师库（{year}年度名单）</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">单位与职务</th>
            <th scope="col">擅长方向</th>
            <th scope="col">联系方式</th>
            <th scope="col">状态</th>
            <th scope="col">年度名单</th>
          </tr>
        </thead>
        <tbody>
          {lecturers.map((l) => {
            const listed = l.listedYears.includes(year);
            return (
              <tr key={l.id}>
                <td>
                  <Link href={`/admin/lecturers/${l.id}`}>{l.name}</Link>
                </td>
                <td data-label="单位">
                  {l.unitName}
                  {l.title && <span className={ui.muted}> · {l.title}</span>}
                </td>
                <td data-label="擅长">{l.specialties.join('、') || '—'}</td>
                <td data-label="联系" className={styles.contact}>
                  {[l.phone, l.email].filter(Boolean).join(' / ') || '—'}
                </td>
                <td data-label="状态">{l.inPool ? <span className={ui.badge}>在库</span> : <span className={ui.badgeOff}>已停用</span>}</td>
                <td data-label="名单">
                  <span>
                    {l.listedYears.length > 0 ? `${l.listedYears.join('、')}年度` : '未入选'}
                    <br />
                    <ToggleForm
                      action={setLecturerListedAction}
                      fields={{ lecturerId: l.id, year, listed: String(!listed) }}
                      label={listed ? `移出${year}年度` : `列入${year}年度`}
                      ariaLabel={`${listed ? '移出' : '列入'}${year}年度名单：${l.name}`}
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
