import Link from 'next/link';
import ui from '@/components/admin/admin-ui.module.css';
import { positionLabels } from '@/lib/branches/kinds';
import type { CommitteeTerm } from '@/lib/branches/types';
import styles from './branches.module.css';
import { TermActions } from './CommitteeForms';

/** The committee now (with actions for those who may manage it), then the terms that ended. */
export function CommitteeSection({ terms, today, canManage }: { terms: CommitteeTerm[]; today: string; canManage: boolean }) {
  const current = terms.filter((t) => t.current || (t.startsOn > today && t.endedOn === null));
  const history = terms.filter((t) => !current.includes(t));
  return (
    <>
      {current.length === 0 ? (
        <p className={ui.panel}>目前没有在任的委员。</p>
      ) : (
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${styles.cards}`}>
            <caption className="visually-hidden">现任委员</caption>
            <thead>
              <tr>
                <th scope="col">职务</th>
                <th scope="col">姓名</th>
                <th scope="col">任期开始</th>
                <th scope="col">任期届满</th>
                {canManage && <th scope="col">办理</th>}
              </tr>
            </thead>
            <tbody>
              {current.map((t) => (
                <tr key={t.id}>
                  <td data-label="职务">
                    {positionLabels[t.position]}
                    {t.startsOn > today ? '（待任）' : ''}
                  </td>
                  <td data-label="姓名">
                    <Link href={`/admin/people/${t.personId}`}>{t.personName}</Link>
                  </td>
                  <td data-label="任期开始">{t.startsOn}</td>
                  <td data-label="任期届满">{t.endsOn}</td>
                  {canManage && (
                    <td data-label="办理">
                      <TermActions term={t} today={today} who={`${positionLabels[t.position]} ${t.personName}`} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.length > 0 && (
        <details className={styles.sectionTools}>
          <summary>历届任职（{history.length}）</summary>
          <div className={ui.tableWrap}>
            <table className={`${ui.table} ${styles.cards}`}>
              <caption className="visually-hidden">历届任职</caption>
              <thead>
                <tr>
                  <th scope="col">职务</th>
                  <th scope="col">姓名</th>
                  <th scope="col">任期</th>
                  <th scope="col">离任</th>
                </tr>
              </thead>
              <tbody>
                {history.map((t) => (
                  <tr key={t.id}>
                    <td data-label="职务">{positionLabels[t.position]}</td>
                    <td data-label="姓名">
                      <Link href={`/admin/people/${t.personId}`}>{t.personName}</Link>
                    </td>
                    <td data-label="任期">
                      {t.startsOn} 至 {t.endsOn}
                    </td>
                    <td data-label="离任">{t.endedOn ? `${t.endedOn} 提前离任` : '任期届满'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}
