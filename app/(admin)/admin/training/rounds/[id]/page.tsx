import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import formStyles from '@/components/forms/forms.module.css';
import { CompleteForm } from '@/components/training/CompleteForm';
import { EnrolPeopleForm, EnrolUnitForm } from '@/components/training/EnrolForms';
import { RoundForm } from '@/components/training/RoundForm';
import { SessionForm } from '@/components/training/SessionForm';
import styles from '@/components/training/training.module.css';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { listScopedBranchOptions } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { parseId } from '@/lib/ids';
import { parsePage } from '@/lib/pagination/offset';
import { trainingAudienceLabels, trainingKindLabels } from '@/lib/training/labels';
import { getRoundDetail, searchEnrolmentCandidates } from '@/lib/training/rounds-queries';

export const metadata: Metadata = { title: '培训班' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function RoundPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const me = await requirePermission('training.read', undefined, `/admin/training/rounds/${rawId}`);
  const id = parseId(rawId);
  const query = await searchParams;
  const detail = id === null ? null : await getRoundDetail(me, id, { page: parsePage(query.page) });
  if (!detail) notFound();
  const { round, sessions, trainees } = detail;
  const manage = can(me, 'training.manage');
  const enrol = can(me, 'training.enrol');
  const q = (first(query.q) ?? '').trim().slice(0, 20);
  const [branches, candidates] = await Promise.all([enrol ? listScopedBranchOptions(me, 'people.read') : [], enrol && q ? searchEnrolmentCandidates(me, round.id, q) : []]);
  const today = todayInBeijing();
  const base = `/admin/training/rounds/${round.id}`;
  return (
    <>
      <p>
        <Link href="/admin/training">← 返回培训班</Link>
      </p>
      <h1 className={ui.title}>{round.name}</h1>
      {first(query.created) && (
        <p className={formStyles.success} role="status">
          培训班已创建。下一步：添加课次、报名学员。
        </p>
      )}
      <dl className={styles.facts}>
        <dt>类型</dt>
        <dd>{trainingKindLabels[round.kind]}</dd>
        <dt>对象</dt>
        <dd>{trainingAudienceLabels[round.audience]}</dd>
        <dt>日期</dt>
        <dd>
          {round.startsOn} 至 {round.endsOn}
        </dd>
        <dt>结业要求</dt>
        <dd>{round.kind === 'online' ? `完成课程即结业，计 ${round.requiredHours} 学时` : `修满 ${round.requiredHours} 学时`}</dd>
        <dt>主办</dt>
        <dd>{round.organizer}</dd>
        <dt>地点</dt>
        <dd>{round.place ?? '—'}</dd>
        {round.description && (
          <>
            <dt>简介</dt>
            <dd>{round.description}</dd>
          </>
        )}
      </dl>
      <p>
        <Link href={`${base}/certificates`}>结业证书名单（{trainees.completed} 人）</Link>
      </p>
      <div className={styles.sections}>
        {manage && (
          <details className={ui.panel}>
            <summary>修改培训班</summary>
            <RoundForm round={round} />
          </details>
        )}
        <section className={ui.panel} aria-labelledby="sessions-title">
          <h2 id="sessions-title">课次（{sessions.length}）</h2>
          {sessions.length === 0 ? (
            <p>还没有课次。{round.kind === 'online' ? '网络课程可不设课次，按结业计学时。' : ''}</p>
          ) : (
            <div className={ui.tableWrap}>
              <table className={`${ui.table} ${ui.cards}`}>
                <caption className="visually-hidden">课次，按日期排列</caption>
                <thead>
                  <tr>
                    <th scope="col">日期</th>
                    <th scope="col">主题</th>
                    <th scope="col">学时</th>
                    <th scope="col">授课人</th>
                    <th scope="col">出席</th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((s) => (
                    <tr key={s.id}>
                      <td data-label="日期">{manage ? <Link href={`${base}/sessions/${s.id}`}>{s.heldOn}</Link> : s.heldOn}</td>
                      <td data-label="主题">{s.topic}</td>
                      <td data-label="学时">{s.hours}</td>
                      <td data-label="授课人">{s.teacher ?? '—'}</td>
                      <td data-label="出席">{s.present} 人</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {manage && (
            <details>
              <summary>添加课次</summary>
              <SessionForm round={round} />
            </details>
          )}
        </section>
        {enrol && (
          <section className={ui.panel} aria-labelledby="enrol-title">
            <h2 id="enrol-title">报名</h2>
            <h3>按单位报名</h3>
            <p className={ui.muted}>选择单位或党组织，将其及下级组织中目前在任的书记（或全体委员）一次报名；已报名的人员不重复报名。</p>
            <EnrolUnitForm roundId={round.id} branches={branches} />
            <h3>按姓名报名</h3>
            <form method="get" role="search" aria-label="按姓名查找人员" className={ui.toolbar}>
              <div className={formStyles.field}>
                <label htmlFor="enrol-q">姓名</label>
                <input id="enrol-q" name="q" type="search" defaultValue={q} maxLength={20} />
              </div>
              <button type="submit" className="button">
                查找
              </button>
            </form>
            {q && (candidates.length ? <EnrolPeopleForm roundId={round.id} candidates={candidates} /> : <p role="status">没有找到姓名含“{q}”的人员。</p>)}
          </section>
        )}
        <section className={ui.panel} aria-labelledby="trainees-title">
          <h2 id="trainees-title">
            学员（{trainees.total} 人，结业 {trainees.completed} 人）
          </h2>
          {trainees.items.length === 0 ? (
            <p>还没有学员。</p>
          ) : (
            <div className={ui.tableWrap}>
              <table className={`${ui.table} ${ui.cards}`}>
                <caption className="visually-hidden">学员，按所在组织和姓名排列</caption>
                <thead>
                  <tr>
                    <th scope="col">姓名</th>
                    <th scope="col">编号</th>
                    <th scope="col">所在组织</th>
                    <th scope="col">已修学时</th>
                    <th scope="col">结业</th>
                  </tr>
                </thead>
                <tbody>
                  {trainees.items.map((t) => (
                    <tr key={t.id}>
                      <td data-label="姓名">{t.name}</td>
                      <td data-label="编号">{t.personId}</td>
                      <td data-label="所在组织">{t.branchName}</td>
                      <td data-label="已修学时">
                        {t.attendedHours} / {round.requiredHours}
                      </td>
                      <td data-label="结业">
                        {t.completed ? (
                          `${t.completedOn} 结业，证书 ${t.certificateNo ?? '—'}`
                        ) : manage ? (
                          <CompleteForm trainee={t} today={today < round.endsOn ? today : round.endsOn} />
                        ) : (
                          '未结业'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {trainees.pageCount > 1 && (
            <nav aria-label="学员分页" className={ui.summary}>
              {trainees.page > 1 && <Link href={`${base}?page=${trainees.page - 1}`}>上一页</Link>}
              <span>
                第 {trainees.page} / {trainees.pageCount} 页
              </span>
              {trainees.page < trainees.pageCount && <Link href={`${base}?page=${trainees.page + 1}`}>下一页</Link>}
            </nav>
          )}
        </section>
      </div>
    </>
  );
}
